package dev.couponapi.testing;

import dev.couponapi.service.DeliveryJob;
import dev.couponapi.service.JobQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A delivery queue that holds its jobs (and the delays asked for) until the test runs them. */
public final class HeldDeliveryQueue implements JobQueue<DeliveryJob> {

  /** A job as it was sent, with its delay. */
  public record Sent(DeliveryJob job, Duration delay) {}

  private final List<Sent> sent = new ArrayList<>();

  @Override
  public synchronized void send(DeliveryJob job, Duration delay) {
    sent.add(new Sent(job, delay));
  }

  /** Takes every job, leaving the queue empty. */
  public synchronized List<Sent> take() {
    List<Sent> taken = List.copyOf(sent);
    sent.clear();
    return taken;
  }
}

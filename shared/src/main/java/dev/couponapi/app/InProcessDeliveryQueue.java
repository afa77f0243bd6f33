package dev.couponapi.app;

import dev.couponapi.service.DeliveryQueue;
import dev.couponapi.service.WebhookDeliveries;
import dev.couponapi.wire.Json;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The delivery queue of {@code ./run-local serve}: a scheduler in this JVM runs the same delivery
 * code the delivery function runs on AWS, and waits a retry out as SQS's visibility timeout would.
 * A job that throws is tried again after a second, as SQS would deliver it again.
 */
public final class InProcessDeliveryQueue implements DeliveryQueue, AutoCloseable {

  private static final int THREADS = 4;
  private static final long AFTER_AN_ERROR_MILLIS = 1000;

  private final PrintStream log;
  private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(THREADS, runnable -> {
    Thread thread = new Thread(runnable, "webhook-deliveries");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Job> waiting = new ArrayList<>();
  private WebhookDeliveries deliveries;

  public InProcessDeliveryQueue(PrintStream log) {
    this.log = log;
  }

  /** Starts delivering, what was sent so far too (the App is built with its queue, then attached). */
  public synchronized void attach(WebhookDeliveries deliveries) {
    this.deliveries = deliveries;
    waiting.forEach(job -> schedule(job, 0));
    waiting.clear();
  }

  @Override
  public synchronized void send(Job job, Duration delay) {
    if (deliveries == null) {
      waiting.add(job);
    } else {
      schedule(job, delay.toMillis());
    }
  }

  private void schedule(Job job, long delayMillis) {
    workers.schedule(() -> run(job), delayMillis, TimeUnit.MILLISECONDS);
  }

  private void run(Job job) {
    try {
      WebhookDeliveries.Outcome outcome = deliveries.attempt(job);
      log.println(Json.writeString(WebhookDeliveries.describe(job, outcome)));
      if (outcome instanceof WebhookDeliveries.Outcome.RetryAfter retry) {
        schedule(job, retry.delay().toMillis());
      }
    } catch (RuntimeException failed) {
      log.println("webhook delivery " + job.eventId() + " → " + job.endpointId() + " failed (" + failed
          + "); trying again");
      schedule(job, AFTER_AN_ERROR_MILLIS);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}

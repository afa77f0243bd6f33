package dev.couponapi.testing;

import dev.couponapi.service.BatchJob;
import dev.couponapi.service.JobQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A batch queue that holds its jobs until the test runs them ({@link TestApp#runBatches()}). */
public final class HeldBatchQueue implements JobQueue<BatchJob> {

  private final List<BatchJob> jobs = new ArrayList<>();

  @Override
  public synchronized void send(BatchJob job, Duration delay) {
    jobs.add(job);
  }

  /** The jobs sent so far and not yet taken. */
  public synchronized List<BatchJob> jobs() {
    return List.copyOf(jobs);
  }

  /** Takes every job, leaving the queue empty. */
  public synchronized List<BatchJob> take() {
    List<BatchJob> taken = List.copyOf(jobs);
    jobs.clear();
    return taken;
  }
}

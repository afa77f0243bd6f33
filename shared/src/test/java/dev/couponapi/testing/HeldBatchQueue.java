package dev.couponapi.testing;

import dev.couponapi.service.BatchQueue;
import java.util.ArrayList;
import java.util.List;

/** A batch queue that holds its jobs until the test runs them ({@link TestApp#runBatches()}). */
public final class HeldBatchQueue implements BatchQueue {

  private final List<Job> jobs = new ArrayList<>();

  @Override
  public synchronized void enqueue(Job job) {
    jobs.add(job);
  }

  /** The jobs enqueued so far and not yet taken. */
  public synchronized List<Job> jobs() {
    return List.copyOf(jobs);
  }

  /** Takes every job, leaving the queue empty. */
  public synchronized List<Job> take() {
    List<Job> taken = List.copyOf(jobs);
    jobs.clear();
    return taken;
  }
}

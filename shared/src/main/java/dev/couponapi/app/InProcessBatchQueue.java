package dev.couponapi.app;

import dev.couponapi.service.BatchQueue;
import dev.couponapi.service.PromotionCodeBatchService;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The batch queue of {@code ./run-local serve}: the worker runs on a thread of this JVM, as the
 * worker function would on AWS. A job works for a time slice and goes to the back of the queue
 * when its batch is not done, so batches share the worker; a job that fails is tried again later
 * (as SQS delivers it again), five times, then left to the sweep.
 */
public final class InProcessBatchQueue implements BatchQueue, AutoCloseable {

  static final long SLICE_MILLIS = 20_000;
  static final int ATTEMPTS = 5;

  private final PrintStream log;
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "promotion-code-batches");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Job> waiting = new ArrayList<>();
  private PromotionCodeBatchService work;

  public InProcessBatchQueue(PrintStream log) {
    this.log = log;
  }

  /** Starts working, on what was enqueued so far too (the App is built with its queue, then attached). */
  public synchronized void attach(PromotionCodeBatchService work) {
    this.work = work;
    waiting.forEach(job -> submit(job, 1, 0));
    waiting.clear();
  }

  @Override
  public synchronized void enqueue(Job job) {
    if (work == null) {
      waiting.add(job);
    } else {
      submit(job, 1, 0);
    }
  }

  private void submit(Job job, int attempt, long delayMillis) {
    worker.schedule(() -> run(job, attempt), delayMillis, TimeUnit.MILLISECONDS);
  }

  private void run(Job job, int attempt) {
    long until = System.currentTimeMillis() + SLICE_MILLIS;
    try {
      if (work.work(job, () -> System.currentTimeMillis() < until) == PromotionCodeBatchService.Progress.MORE) {
        submit(job, 1, 0);
      }
    } catch (RuntimeException failed) {
      if (attempt == ATTEMPTS) {
        log.println("promotion-code batch " + job.batchId() + " failed " + attempt + " times (" + failed
            + "); the expiry sweep hands it to the worker again once it counts as stalled");
        return;
      }
      log.println("promotion-code batch " + job.batchId() + " failed (" + failed + "); trying again");
      submit(job, attempt + 1, 1000L << attempt);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}

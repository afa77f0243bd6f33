package dev.couponapi.local;

import dev.couponapi.app.FanOutWork;
import dev.couponapi.app.RecordBatchRun;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the statistics' counting function is on AWS, for {@code ./run-local serve} (docs/api.md
 * §2.9): the stream's new events, as the poller reads them, counted a read at a time on a thread
 * of their own; records whose count failed are counted again a second later (on AWS the stream
 * hands them over again), and counted once however often.
 */
public final class LocalStatsCount implements AutoCloseable {

  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final RecordBatchRun<FanOutWork.NewEvent> run;
  private final PrintStream err;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread counting = new Thread(runnable, "coupon-stats");
    counting.setDaemon(true);
    return counting;
  });

  public LocalStatsCount(RecordBatchRun<FanOutWork.NewEvent> run, PrintStream err) {
    this.run = run;
    this.err = err;
  }

  /** Counts these new-event records (Lambda's shape) soon, on the counting thread. */
  void add(List<Map<String, Object>> records) {
    if (!records.isEmpty() && !thread.isShutdown()) {
      thread.execute(() -> count(records));
    }
  }

  private void count(List<Map<String, Object>> records) {
    List<Map<String, Object>> again;
    try {
      again = run.failedOf(records, () -> true);
    } catch (RuntimeException failed) {
      err.println("coupon statistics count failed (" + failed + "); trying again");
      again = records;
    }
    if (!again.isEmpty() && !thread.isShutdown()) {
      List<Map<String, Object>> retry = again;
      thread.schedule(() -> count(retry), RETRY_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}

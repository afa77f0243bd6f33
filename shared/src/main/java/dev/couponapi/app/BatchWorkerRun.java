package dev.couponapi.app;

import dev.couponapi.service.BatchQueue;
import dev.couponapi.service.PromotionCodeBatchService;
import dev.couponapi.wire.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One delivery of batch jobs (an SQS event): each job's batch is worked on while the function has
 * time; one not finished is enqueued again to go on, and one that failed is reported back
 * ({@code batchItemFailures}) so SQS delivers it again after its visibility timeout.
 */
public final class BatchWorkerRun {

  /** Room left for the chunk in flight (one transaction, at most the SDK's call timeout) and the reply. */
  static final long MARGIN_MILLIS = App.callTimeout().toMillis() + 2_000;

  private final PromotionCodeBatchService work;
  private final BatchQueue queue;
  private final PrintStream log;

  public BatchWorkerRun(PromotionCodeBatchService work, BatchQueue queue, PrintStream log) {
    this.work = work;
    this.queue = queue;
    this.log = log;
  }

  /** {@code remainingMillis}: the function's time left (Lambda's context). */
  public Map<String, Object> run(Map<String, Object> event, LongSupplier remainingMillis) {
    List<Map<String, Object>> failures = new ArrayList<>();
    for (Map<String, Object> record : LambdaRecords.of(event)) {
      String messageId = String.valueOf(record.get("messageId"));
      BatchQueue.Job job;
      try {
        job = SqsBatchQueue.job(String.valueOf(record.get("body")));
      } catch (RuntimeException notAJob) {
        // delivered again it would fail again: logged and dropped
        log(messageId, null, "dropped", notAJob.getMessage());
        continue;
      }
      try {
        PromotionCodeBatchService.Progress progress = work.work(job,
            () -> remainingMillis.getAsLong() > MARGIN_MILLIS);
        if (progress == PromotionCodeBatchService.Progress.MORE) {
          queue.enqueue(job);
        }
        log(messageId, job.batchId(), progress.name().toLowerCase(java.util.Locale.ROOT), null);
      } catch (RuntimeException failed) {
        log(messageId, job.batchId(), "failed", failed.toString());
        failures.add(Map.of("itemIdentifier", messageId));
      }
    }
    return Map.of("batchItemFailures", failures);
  }

  private void log(String messageId, String batch, String outcome, String detail) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("level", outcome.equals("failed") || outcome.equals("dropped") ? "WARN" : "INFO");
    line.put("operation", "promotion_code_batches.work");
    line.put("message_id", messageId);
    line.put("batch", batch);
    line.put("outcome", outcome);
    if (detail != null) {
      line.put("detail", detail);
    }
    log.println(Json.writeString(line));
  }
}

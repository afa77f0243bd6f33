package dev.couponapi.app;

import dev.couponapi.service.BatchJob;
import dev.couponapi.service.JobQueue;
import dev.couponapi.service.PromotionCodeBatchService;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A promotion-code batch's codes, chunk by chunk while there is time; a batch not finished goes to
 * the back of its queue, so batches share the workers (docs/design.md, "Promotion-code batches").
 */
public final class BatchWork implements BackgroundWork<BatchJob> {

  private final PromotionCodeBatchService batches;
  private final JobQueue<BatchJob> queue;

  public BatchWork(PromotionCodeBatchService batches, JobQueue<BatchJob> queue) {
    this.batches = batches;
    this.queue = queue;
  }

  @Override
  public String operation() {
    return "promotion_code_batches.work";
  }

  @Override
  public Map<String, Object> describe(BatchJob job) {
    return Map.of("batch", job.batchId());
  }

  @Override
  public Outcome run(BatchJob job, BooleanSupplier hasTime) {
    PromotionCodeBatchService.Progress progress = batches.work(job, hasTime);
    if (progress == PromotionCodeBatchService.Progress.MORE) {
      queue.send(job);
    }
    return new Outcome.Done(progress.name().toLowerCase(Locale.ROOT));
  }
}

package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.couponapi.app.App;
import dev.couponapi.app.RecordBatchRun;
import dev.couponapi.service.BatchJob;
import java.util.Map;

/**
 * The promotion-code batch worker, fed by the batch queue (SQS): makes each batch's codes in
 * chunks while it has time, enqueues what remains, and reports failed jobs back to SQS
 * (docs/design.md, "Promotion-code batches").
 */
public final class GeneratePromotionCodes extends BackgroundFunction {

  private final RecordBatchRun<BatchJob> run;

  public GeneratePromotionCodes() {
    this(App.fromEnvironment());
  }

  public GeneratePromotionCodes(App app) {
    this.run = app.batchRun();
  }

  @Override
  protected Map<String, Object> run(Map<String, Object> event, Context context) {
    return run.run(event, () -> hasTime(context));
  }
}

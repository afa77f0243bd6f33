package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.couponapi.app.App;
import dev.couponapi.app.RecordBatchRun;
import dev.couponapi.service.DeliveryJob;
import java.util.Map;

/**
 * The delivery worker, fed by the delivery queue (SQS): signs and posts each delivery, and waits a
 * retry out by the message's visibility (docs/design.md, "Webhooks").
 */
public final class DeliverWebhooks extends BackgroundFunction {

  private final RecordBatchRun<DeliveryJob> run;

  public DeliverWebhooks() {
    this(App.fromEnvironment());
  }

  public DeliverWebhooks(App app) {
    this.run = app.deliveryRun();
  }

  @Override
  protected Map<String, Object> run(Map<String, Object> event, Context context) {
    return run.run(event, () -> hasTime(context));
  }
}

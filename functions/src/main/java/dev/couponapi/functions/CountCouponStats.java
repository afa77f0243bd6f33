package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.couponapi.app.App;
import dev.couponapi.app.FanOutWork;
import dev.couponapi.app.RecordBatchRun;
import java.util.Map;

/**
 * The coupon statistics' counting, fed by the table's stream (filtered to events that redeemed
 * something or paid an invoice): a batch's events counted together, each once (docs/api.md §2.9).
 */
public final class CountCouponStats extends BackgroundFunction {

  private final RecordBatchRun<FanOutWork.NewEvent> run;

  public CountCouponStats() {
    this(App.fromEnvironment());
  }

  public CountCouponStats(App app) {
    this.run = app.statsRun();
  }

  @Override
  protected Map<String, Object> run(Map<String, Object> event, Context context) {
    return run.run(event, () -> hasTime(context));
  }
}

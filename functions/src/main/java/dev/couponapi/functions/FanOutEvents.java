package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.couponapi.app.App;
import dev.couponapi.app.FanOutWork;
import dev.couponapi.app.RecordBatchRun;
import java.util.Map;

/**
 * The fan-out, fed by the table's stream (filtered to new events): each event becomes one
 * delivery per endpoint that receives its type, each sent to the delivery queue (docs/design.md, "Webhooks").
 */
public final class FanOutEvents extends BackgroundFunction {

  private final RecordBatchRun<FanOutWork.NewEvent> run;

  public FanOutEvents() {
    this(App.fromEnvironment());
  }

  public FanOutEvents(App app) {
    this.run = app.fanOutRun();
  }

  @Override
  protected Map<String, Object> run(Map<String, Object> event, Context context) {
    return run.run(event, () -> hasTime(context));
  }
}

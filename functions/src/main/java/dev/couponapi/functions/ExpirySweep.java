package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.couponapi.app.App;
import dev.couponapi.app.SweepRun;
import java.util.Map;

/**
 * The scheduled expiry sweep (EventBridge Scheduler). Input {@code {"max_items": N}} bounds one
 * run; the summary it returns says whether everything due was handled ({@code complete}).
 */
public final class ExpirySweep extends BackgroundFunction {

  private final SweepRun run;

  public ExpirySweep() {
    this(App.fromEnvironment());
  }

  public ExpirySweep(App app) {
    this.run = new SweepRun(app.sweep(), System.out);
  }

  @Override
  protected Map<String, Object> run(Map<String, Object> event, Context context) {
    return run.run(event);
  }
}

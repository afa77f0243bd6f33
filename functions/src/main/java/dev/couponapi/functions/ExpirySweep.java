package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.http.ApiHandler;
import dev.couponapi.app.App;
import dev.couponapi.app.SweepRun;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The scheduled expiry sweep (EventBridge Scheduler). Input {@code {"max_items": N}} bounds one
 * run; the summary it returns says whether everything due was handled ({@code complete}).
 */
public final class ExpirySweep implements RequestStreamHandler {

  private final SweepRun run;

  public ExpirySweep() {
    this(App.fromEnvironment());
  }

  public ExpirySweep(App app) {
    this.run = new SweepRun(app.sweep(), System.out);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    output.write(Json.write(run.run(ApiHandler.readEvent(input))));
  }
}

package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.app.App;
import dev.couponapi.app.FanOutRun;
import dev.couponapi.http.ApiHandler;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The fan-out, fed by the table's stream (filtered to new events): each event becomes one
 * delivery per endpoint that receives its type, each sent to the delivery queue (docs/design.md, "Webhooks").
 */
public final class FanOutEvents implements RequestStreamHandler {

  private final FanOutRun run;

  public FanOutEvents() {
    this(App.fromEnvironment());
  }

  public FanOutEvents(App app) {
    this.run = new FanOutRun(app.fanOut(), System.out);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    output.write(Json.write(run.run(ApiHandler.readEvent(input))));
  }
}

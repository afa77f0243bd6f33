package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.app.App;
import dev.couponapi.app.DeliveryRun;
import dev.couponapi.http.ApiHandler;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The delivery worker, fed by the delivery queue (SQS): signs and posts each delivery, and waits a
 * retry out by the message's visibility (docs/design.md, "Webhooks").
 */
public final class DeliverWebhooks implements RequestStreamHandler {

  private final DeliveryRun run;

  public DeliverWebhooks() {
    this(App.fromEnvironment());
  }

  public DeliverWebhooks(App app) {
    this.run = new DeliveryRun(app.deliveries(), app.postponer(), System.out);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    output.write(Json.write(run.run(ApiHandler.readEvent(input))));
  }
}

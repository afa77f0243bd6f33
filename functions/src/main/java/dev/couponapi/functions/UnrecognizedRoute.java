package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.app.App;
import dev.couponapi.http.Pipeline;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The catch-all route: Stripe's 404 for a path this API does not have. */
public final class UnrecognizedRoute implements RequestStreamHandler {

  private final Pipeline pipeline;

  public UnrecognizedRoute() {
    this(App.fromEnvironment());
  }

  public UnrecognizedRoute(App app) {
    this.pipeline = app.pipeline();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    output.write(Json.write(pipeline.unrecognized(Json.readObject(input)).toProxyResponse()));
  }
}

package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.http.ApiHandler;
import dev.couponapi.app.App;
import dev.couponapi.http.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * What every API function is: one operation of the shared pipeline. Subclasses only name it, and
 * have two constructors: none for Lambda, one taking an {@link App} for tests.
 */
public abstract class ApiFunction implements RequestStreamHandler {

  private final ApiHandler handler;

  protected ApiFunction(App app, Function<App, Operation> operation) {
    this.handler = new ApiHandler(app.pipeline(), operation.apply(app));
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    handler.handle(input, output);
  }
}

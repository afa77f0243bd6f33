package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.app.App;
import dev.couponapi.http.ApiHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What every API function is: one operation of the shared pipeline. A handler class is named
 * after its function in template.yaml ({@code CreateCouponFunction} → {@code CreateCoupon}, nested
 * in its resource's {@code CouponFunctions}), which is how it finds the operation and route declared
 * for that function; {@code TemplateTest} holds the names together. Subclasses have two
 * constructors: none for Lambda, one taking an {@link App} for tests.
 */
public abstract class ApiFunction implements RequestStreamHandler {

  private final ApiHandler handler;

  protected ApiFunction(App app) {
    this.handler = new ApiHandler(app.pipeline(), app.operation(functionId(getClass())));
  }

  /** The logical id of the function in template.yaml that a handler class serves. */
  public static String functionId(Class<?> handler) {
    return handler.getSimpleName() + "Function";
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    handler.handle(input, output);
  }
}

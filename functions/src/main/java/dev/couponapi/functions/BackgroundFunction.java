package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.http.ApiHandler;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * What every function fed by a queue, a stream or a schedule is: the event in as JSON, its run's
 * answer out as JSON (for a record batch, Lambda's {@code batchItemFailures}). Subclasses have two
 * constructors, as {@link ApiFunction}'s do: none for Lambda, one taking an App for tests.
 */
public abstract class BackgroundFunction implements RequestStreamHandler {

  /** Runs the event with {@code context}'s time left; the answer to write back. */
  protected abstract Map<String, Object> run(Map<String, Object> event, Context context);

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    output.write(Json.write(run(ApiHandler.readEvent(input), context)));
  }

  /** Whether the function has time for one more step: a DynamoDB call's timeout and the reply (about 10 s). */
  protected static boolean hasTime(Context context) {
    return context.getRemainingTimeInMillis() > dev.couponapi.app.App.callTimeout().toMillis() + 2_000;
  }
}

package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.app.App;
import dev.couponapi.app.BatchWorkerRun;
import dev.couponapi.http.ApiHandler;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The promotion-code batch worker, fed by the batch queue (SQS): makes each batch's codes in
 * chunks while it has time, enqueues what remains, and reports failed jobs back to SQS
 * (docs/design.md, "Promotion-code batches").
 */
public final class GeneratePromotionCodes implements RequestStreamHandler {

  private final BatchWorkerRun run;

  public GeneratePromotionCodes() {
    this(App.fromEnvironment());
  }

  public GeneratePromotionCodes(App app) {
    this.run = new BatchWorkerRun(app.batchWork(), app.batchQueue(), System.out);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    output.write(Json.write(run.run(ApiHandler.readEvent(input), () -> context.getRemainingTimeInMillis())));
  }
}

package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.app.App;
import dev.couponapi.http.KeyAdmin;
import dev.couponapi.service.ApiKeyService;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The keys of a deployment's accounts (docs/operations.md, "Keys"). Invoked directly
 * ({@code aws lambda invoke}), never routed through the API: whoever may invoke it is decided by
 * IAM. Input: {@code {"action": "create_key" | "list_keys" | "revoke_key" | "roll_key", …}}
 * ({@link KeyAdmin}); output: what the action made or {@code {"error": "…"}}. Each action writes one
 * log line: the action, the account and the key masked, never a key.
 */
public final class AdminKeys implements RequestStreamHandler {

  private final KeyAdmin admin;

  public AdminKeys() {
    this(App.fromEnvironment());
  }

  public AdminKeys(App app) {
    this(app.apiKeys(), System.out);
  }

  AdminKeys(ApiKeyService keys, PrintStream log) {
    this.admin = new KeyAdmin(keys, log);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    Map<String, Object> request;
    try {
      request = Json.readObject(input);
    } catch (IOException | RuntimeException notJson) {
      request = null; // answered as a mistake, like any other
    }
    output.write(Json.write(admin.handle(request)));
  }
}

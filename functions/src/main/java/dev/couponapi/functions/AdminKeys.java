package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.domain.Tenant;
import dev.couponapi.app.App;
import dev.couponapi.service.ApiKeyService;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mints API keys for a deployment. Invoked directly ({@code aws lambda invoke}), never routed
 * through the API: whoever may invoke it is decided by IAM. Input:
 * {@code {"action":"create_key","account":"acct_x","livemode":false,"usage_key":"…"}}; output:
 * {@code {"key":"sk_test_…","account":…,"livemode":…}} or {@code {"error":"…"}}.
 */
public final class AdminKeys implements RequestStreamHandler {

  private final ApiKeyService keys;

  public AdminKeys() {
    this(App.fromEnvironment());
  }

  public AdminKeys(App app) {
    this.keys = app.apiKeys();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    output.write(Json.write(handle(Json.readObject(input))));
  }

  Map<String, Object> handle(Map<String, Object> request) {
    Map<String, Object> response = new LinkedHashMap<>();
    if (!"create_key".equals(request.get("action"))) {
      response.put("error", "unknown action: expected \"action\": \"create_key\"");
      return response;
    }
    try {
      Tenant tenant = new Tenant(String.valueOf(request.get("account")), Boolean.TRUE.equals(request.get("livemode")));
      Object usageKey = request.get("usage_key");
      String key = keys.mint(tenant, usageKey == null ? null : usageKey.toString());
      response.put("key", key);
      response.put("account", tenant.account());
      response.put("livemode", tenant.livemode());
    } catch (IllegalArgumentException invalid) {
      response.put("error", invalid.getMessage());
    }
    return response;
  }
}

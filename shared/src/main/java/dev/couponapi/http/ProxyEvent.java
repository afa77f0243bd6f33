package dev.couponapi.http;

import dev.couponapi.domain.Tenant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A REST proxy event as API Gateway sends it once the authorizer has allowed a tenant. */
public final class ProxyEvent {

  private ProxyEvent() {}

  /** {@code tenant} null: no authorizer context (as if the request had bypassed the authorizer). */
  public static Map<String, Object> of(String method, String path, Map<String, String> pathParameters, String body,
      Tenant tenant) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("httpMethod", method);
    event.put("path", path);
    Map<String, String> headers = new LinkedHashMap<>();
    if (body != null) {
      headers.put("Content-Type", "application/x-www-form-urlencoded");
    }
    event.put("headers", headers);
    event.put("pathParameters", pathParameters);
    event.put("body", body);
    Map<String, Object> authorizer = new LinkedHashMap<>();
    if (tenant != null) {
      authorizer.put("account", tenant.account());
      authorizer.put("livemode", Boolean.toString(tenant.livemode()));
    }
    event.put("requestContext", Map.of("authorizer", authorizer));
    return event;
  }
}

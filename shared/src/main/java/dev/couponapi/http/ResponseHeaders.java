package dev.couponapi.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers of every API response (docs/api.md §1.3, §1.4), built in this one place. */
final class ResponseHeaders {

  private ResponseHeaders() {}

  static Map<String, String> of(int status, String requestId, String version) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Request-Id", requestId);
    headers.put("Stripe-Version", version);
    headers.put("Cache-Control", "no-cache, no-store");
    if (status == 401) {
      headers.put("WWW-Authenticate", "Basic realm=\"Stripe\"");
    }
    return headers;
  }

  /** A replayed idempotent response: the stored version, and which request first answered. */
  static Map<String, String> replay(int status, String requestId, String version, String originalRequest) {
    Map<String, String> headers = of(status, requestId, version);
    headers.put("Idempotent-Replayed", "true");
    headers.put("Original-Request", originalRequest);
    return headers;
  }
}

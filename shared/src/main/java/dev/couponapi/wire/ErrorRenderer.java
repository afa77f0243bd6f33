package dev.couponapi.wire;

import dev.couponapi.api.ApiException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The Error object (docs/api.md §1.9), keys in the live API's alphabetical order. */
public final class ErrorRenderer {

  private ErrorRenderer() {}

  public static Map<String, Object> render(ApiException error) {
    Map<String, Object> inner = new LinkedHashMap<>();
    if (error.code() != null) {
      inner.put("code", error.code());
      inner.put("doc_url", "https://stripe.com/docs/error-codes/" + error.code().replace('_', '-').toLowerCase(Locale.ROOT));
    }
    inner.put("message", error.getMessage());
    if (error.param() != null) {
      inner.put("param", error.param());
    }
    inner.put("type", error.type());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", inner);
    return body;
  }
}

package dev.couponapi.http;

import dev.couponapi.domain.ApiKeys;
import dev.couponapi.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two requests "the same" for an idempotency key (docs/api.md §1.5): method, path and the
 * parsed parameters, with hash keys in sorted order (their order carries no meaning) and arrays as
 * sent (theirs does). The Stripe-Version header is not part of it.
 */
final class Fingerprint {

  private Fingerprint() {}

  static String of(String method, String path, Map<String, Object> parameters) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", method);
    request.put("path", path);
    request.put("parameters", canonical(parameters));
    return ApiKeys.hash(Json.writeString(request));
  }

  private static Object canonical(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((key, item) -> sorted.put(String.valueOf(key), canonical(item)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      list.forEach(item -> items.add(canonical(item)));
      return items;
    }
    return value;
  }
}

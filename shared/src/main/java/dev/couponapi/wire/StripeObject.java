package dev.couponapi.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a response object in Stripe's key order: {@code id}, {@code object}, then the rest
 * alphabetically (docs/api.md §1.10). Nested hashes are alphabetical: use {@link #hash()}.
 */
public final class StripeObject {

  private final String id;
  private final String object;
  private final TreeMap<String, Object> fields = new TreeMap<>();

  private StripeObject(String id, String object) {
    this.id = id;
    this.object = object;
  }

  public static StripeObject of(String id, String object) {
    return new StripeObject(id, object);
  }

  /** An alphabetical hash for nested values. */
  public static Map<String, Object> hash() {
    return new TreeMap<>();
  }

  /** An alphabetical copy of a string map (metadata). */
  public static Map<String, Object> sorted(Map<String, String> map) {
    return new TreeMap<>(map);
  }

  public StripeObject put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    if (id != null) {
      map.put("id", id);
    }
    map.put("object", object);
    map.putAll(fields);
    return map;
  }
}

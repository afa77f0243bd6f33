package dev.couponapi.testing;

import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stripe's schemas from docs/stripe-openapi-subset.json: the newest ones ({@code x-latest}, endive)
 * where the subset has them, the 2023 ones otherwise. {@link #violations} checks a response body
 * against one: required fields, types, nullability, enums, and no field the schema does not have.
 */
public final class StripeSchemas {

  private static Map<String, Object> document;

  private StripeSchemas() {}

  /** What in {@code value} the schema {@code name} does not allow; empty when it validates. */
  public static List<String> violations(Object value, String name) {
    List<String> found = new ArrayList<>();
    check(value, schema(name), name, found);
    return found;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schema(String name) {
    Map<String, Object> latest = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document()
        .get("x-latest")).get("components")).get("schemas");
    Map<String, Object> main = (Map<String, Object>) ((Map<String, Object>) document().get("components")).get("schemas");
    // the overlay's "customer" only adds customer_account to the 2023 customer
    if (latest.containsKey(name) && !name.equals("customer")) {
      return (Map<String, Object>) latest.get(name);
    }
    Map<String, Object> schema = (Map<String, Object>) main.get(name);
    if (schema == null) {
      throw new IllegalArgumentException("no schema " + name);
    }
    if (name.equals("customer")) {
      Map<String, Object> merged = new java.util.LinkedHashMap<>(schema);
      Map<String, Object> properties = new java.util.LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
      properties.putAll((Map<String, Object>) ((Map<String, Object>) latest.get("customer")).get("properties"));
      merged.put("properties", properties);
      return merged;
    }
    return schema;
  }

  @SuppressWarnings("unchecked")
  private static void check(Object value, Map<String, Object> schema, String path, List<String> found) {
    if (schema.get("$ref") instanceof String ref) {
      check(value, schema(ref.substring(ref.lastIndexOf('/') + 1)), path, found);
      return;
    }
    if (value == null) {
      if (!Boolean.TRUE.equals(schema.get("nullable"))) {
        found.add(path + ": null, but not nullable");
      }
      return;
    }
    if (schema.get("anyOf") instanceof List<?> options) {
      for (Object option : options) {
        List<String> branch = new ArrayList<>();
        check(value, (Map<String, Object>) option, path, branch);
        if (branch.isEmpty()) {
          return;
        }
      }
      found.add(path + ": matches none of anyOf: " + value);
      return;
    }
    if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
      found.add(path + ": " + value + " is not one of " + allowed);
    }
    String type = (String) schema.get("type");
    if (type == null) {
      return;
    }
    switch (type) {
      case "string" -> expect(value instanceof String, path, "a string", value, found);
      case "integer" -> expect(value instanceof Integer || value instanceof Long
          || value instanceof java.math.BigInteger, path, "an integer", value, found);
      case "number" -> expect(value instanceof Number, path, "a number", value, found);
      case "boolean" -> expect(value instanceof Boolean, path, "a boolean", value, found);
      case "array" -> {
        if (expect(value instanceof List<?>, path, "an array", value, found) && schema.get("items") != null) {
          List<?> items = (List<?>) value;
          for (int i = 0; i < items.size(); i++) {
            check(items.get(i), (Map<String, Object>) schema.get("items"), path + "[" + i + "]", found);
          }
        }
      }
      case "object" -> {
        if (expect(value instanceof Map<?, ?>, path, "an object", value, found)) {
          object((Map<String, Object>) value, schema, path, found);
        }
      }
      default -> found.add(path + ": unknown schema type " + type);
    }
  }

  @SuppressWarnings("unchecked")
  private static void object(Map<String, Object> value, Map<String, Object> schema, String path, List<String> found) {
    Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
    for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
      if (!value.containsKey(required)) {
        found.add(path + "." + required + ": required, but absent");
      }
    }
    Object additional = schema.get("additionalProperties");
    for (Map.Entry<String, Object> field : value.entrySet()) {
      Object property = properties.get(field.getKey());
      if (property != null) {
        check(field.getValue(), (Map<String, Object>) property, path + "." + field.getKey(), found);
      } else if (additional instanceof Map<?, ?> each) {
        check(field.getValue(), (Map<String, Object>) each, path + "." + field.getKey(), found);
      } else if (!Boolean.TRUE.equals(additional)) {
        found.add(path + "." + field.getKey() + ": not in the schema");
      }
    }
  }

  private static boolean expect(boolean ok, String path, String what, Object value, List<String> found) {
    if (!ok) {
      found.add(path + ": expected " + what + ", got " + value);
    }
    return ok;
  }

  private static synchronized Map<String, Object> document() {
    if (document == null) {
      try {
        document = Json.readObject(Files.readString(ProjectHome.path().resolve("docs/stripe-openapi-subset.json")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return document;
  }
}

package dev.couponapi.store;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small conversions between Java values and DynamoDB attribute values, nulls included. */
final class Attr {

  private Attr() {}

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue n(BigDecimal value) {
    return AttributeValue.fromN(value.toPlainString());
  }

  static AttributeValue bool(boolean value) {
    return AttributeValue.fromBool(value);
  }

  static AttributeValue stringMap(Map<String, String> map) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    map.forEach((key, value) -> values.put(key, s(value)));
    return AttributeValue.fromM(values);
  }

  static AttributeValue longMap(Map<String, Long> map) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    map.forEach((key, value) -> values.put(key, n(value)));
    return AttributeValue.fromM(values);
  }

  static AttributeValue stringList(List<String> list) {
    return AttributeValue.fromL(list.stream().map(Attr::s).toList());
  }

  /** Puts the value only when it is not null: absent attributes are nulls. */
  static void putIfPresent(Map<String, AttributeValue> item, String name, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof String text) {
      item.put(name, s(text));
    } else if (value instanceof BigDecimal decimal) {
      item.put(name, n(decimal));
    } else if (value instanceof Number number) {
      item.put(name, n(number.longValue()));
    } else {
      throw new IllegalArgumentException("unsupported attribute type " + value.getClass());
    }
  }

  static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static Long longValue(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? null : Long.valueOf(value.n());
  }

  static long longOrZero(Map<String, AttributeValue> item, String name) {
    Long value = longValue(item, name);
    return value == null ? 0 : value;
  }

  static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? null : new BigDecimal(value.n());
  }

  static boolean bool(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value != null && Boolean.TRUE.equals(value.bool());
  }

  static Map<String, String> stringMap(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    Map<String, String> map = new LinkedHashMap<>();
    if (value != null && value.hasM()) {
      value.m().forEach((key, entry) -> map.put(key, entry.s()));
    }
    return map;
  }

  static Map<String, Long> longMap(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    Map<String, Long> map = new LinkedHashMap<>();
    if (value != null && value.hasM()) {
      value.m().forEach((key, entry) -> map.put(key, Long.valueOf(entry.n())));
    }
    return map;
  }

  static List<String> stringList(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || !value.hasL() ? null : value.l().stream().map(AttributeValue::s).toList();
  }
}

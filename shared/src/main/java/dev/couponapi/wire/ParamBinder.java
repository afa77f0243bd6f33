package dev.couponapi.wire;

import dev.couponapi.api.SafeText;
import dev.couponapi.api.Errors;
import dev.couponapi.wire.ParamType.Bool;
import dev.couponapi.wire.ParamType.Choice;
import dev.couponapi.wire.ParamType.Currency;
import dev.couponapi.wire.ParamType.Decimal;
import dev.couponapi.wire.ParamType.Fields;
import dev.couponapi.wire.ParamType.Int;
import dev.couponapi.wire.ParamType.ListOf;
import dev.couponapi.wire.ParamType.MapOf;
import dev.couponapi.wire.ParamType.Metadata;
import dev.couponapi.wire.ParamType.Text;
import dev.couponapi.domain.MetadataChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a parameter tree against an operation's declared parameters: every unknown name first
 * (reported together, docs/api.md §1.1), then each value's type, converting it on the way.
 */
public final class ParamBinder {

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,30}");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

  private ParamBinder() {}

  public static Params bind(Map<String, Object> tree, Map<String, ParamType> declared) {
    List<String> unknown = new ArrayList<>();
    collectUnknown("", tree, declared, unknown);
    if (!unknown.isEmpty()) {
      throw Errors.unknownParameters(unknown);
    }
    return bindFields("", tree, declared);
  }

  private static String child(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "[" + key + "]";
  }

  @SuppressWarnings("unchecked")
  private static void collectUnknown(String prefix, Map<String, Object> tree, Map<String, ParamType> declared,
      List<String> unknown) {
    for (Map.Entry<String, Object> entry : tree.entrySet()) {
      String name = child(prefix, entry.getKey());
      ParamType type = declared.get(entry.getKey());
      if (type == null) {
        unknown.add(name);
      } else if (entry.getValue() instanceof Map<?, ?> nested) {
        collectUnknownBelow(name, type, (Map<String, Object>) nested, unknown);
      } else if (entry.getValue() instanceof List<?> items && type instanceof ListOf listOf) {
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i) instanceof Map<?, ?> nested) {
            collectUnknownBelow(name + "[" + i + "]", listOf.element(), (Map<String, Object>) nested, unknown);
          }
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void collectUnknownBelow(String name, ParamType type, Map<String, Object> nested, List<String> unknown) {
    if (type instanceof Fields fields) {
      collectUnknown(name, nested, fields.fields(), unknown);
    } else if (type instanceof MapOf mapOf) {
      for (Map.Entry<String, Object> entry : nested.entrySet()) {
        if (entry.getValue() instanceof Map<?, ?> deeper) {
          collectUnknownBelow(child(name, entry.getKey()), mapOf.value(), (Map<String, Object>) deeper, unknown);
        }
      }
    } else if (type instanceof ListOf listOf) {
      for (Map.Entry<String, Object> entry : nested.entrySet()) {
        if (entry.getValue() instanceof Map<?, ?> deeper) {
          collectUnknownBelow(child(name, entry.getKey()), listOf.element(), (Map<String, Object>) deeper, unknown);
        }
      }
    }
  }

  private static Params bindFields(String prefix, Map<String, Object> tree, Map<String, ParamType> declared) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : tree.entrySet()) {
      String name = child(prefix, entry.getKey());
      values.put(entry.getKey(), convert(name, declared.get(entry.getKey()), entry.getValue()));
    }
    return new Params(prefix, values);
  }

  @SuppressWarnings("unchecked")
  private static Object convert(String name, ParamType type, Object raw) {
    if ("".equals(raw)) {
      if (type.unsettable()) {
        return type instanceof Metadata ? new MetadataChange(true, Map.of(), List.of()) : Params.UNSET;
      }
      throw Errors.invalidEmpty(name);
    }
    if (type instanceof Text text) {
      return text(name, text, scalar(name, raw, "string"));
    } else if (type instanceof Int integer) {
      return integer(name, integer, scalar(name, raw, "integer"));
    } else if (type instanceof Decimal decimal) {
      return decimal(name, decimal, scalar(name, raw, "decimal"));
    } else if (type instanceof Bool) {
      return bool(name, scalar(name, raw, "boolean"));
    } else if (type instanceof Choice choice) {
      return choice(name, choice, scalar(name, raw, "string"));
    } else if (type instanceof Currency) {
      return currency(name, scalar(name, raw, "string"));
    } else if (type instanceof Metadata) {
      return metadata(name, hash(name, raw));
    } else if (type instanceof ListOf listOf) {
      return list(name, listOf, raw);
    } else if (type instanceof Fields fields) {
      return bindFields(name, hash(name, raw), fields.fields());
    } else if (type instanceof MapOf mapOf) {
      return mapOf(name, mapOf, hash(name, raw));
    }
    return range(name, raw);
  }

  private static String scalar(String name, Object raw, String expected) {
    if (raw instanceof String text) {
      return text;
    }
    throw Errors.invalid(name, "Invalid " + expected + ": " + name + " must be a single value, not a hash or array.");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> hash(String name, Object raw) {
    if (raw instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw Errors.invalid(name, "Invalid hash: " + name + " must be given in bracket notation, as in "
        + name + "[key]=value.");
  }

  private static String text(String name, Text type, String value) {
    if (value.length() > type.maxLength()) {
      throw Errors.invalid(name, "Invalid " + name + ": must be at most " + type.maxLength() + " characters");
    }
    return plain(name, value);
  }

  /**
   * Text as a person would type it: no control character (NUL, the rest of C0, DEL), which could
   * end a string early or hide text where it is shown (the dashboard, an operator's tools).
   */
  private static String plain(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw Errors.invalid(name, "Invalid " + name + ": control characters (such as NUL, tab or line breaks) are "
            + "not accepted.");
      }
    }
    return value;
  }

  static Long integer(String name, Int type, String value) {
    if (!INTEGER.matcher(value).matches()) {
      throw Errors.invalidInteger(name, SafeText.clip(value));
    }
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException overflow) {
      throw Errors.invalidInteger(name, SafeText.clip(value));
    }
    if (parsed < type.min() || parsed > type.max()) {
      throw Errors.invalid(name, "Invalid " + name + ": must be between " + type.min() + " and " + type.max());
    }
    return parsed;
  }

  private static BigDecimal decimal(String name, Decimal type, String value) {
    if (!DECIMAL.matcher(value).matches()) {
      throw Errors.invalidDecimal(name, SafeText.clip(value));
    }
    BigDecimal parsed = new BigDecimal(value);
    if (parsed.stripTrailingZeros().scale() > type.scale()) {
      throw Errors.invalid(name, "Invalid " + name + ": at most " + type.scale() + " decimal places are allowed");
    }
    return parsed;
  }

  private static Boolean bool(String name, String value) {
    return switch (value) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw Errors.invalidBoolean(name, SafeText.clip(value));
    };
  }

  private static String choice(String name, Choice type, String value) {
    if (!type.values().contains(value)) {
      throw Errors.invalid(name, "Invalid " + name + ": must be one of " + String.join(", ", type.values().stream().sorted().toList()));
    }
    return value;
  }

  private static String currency(String name, String value) {
    if (!ParamType.currencyKeys().matcher(value).matches()) {
      throw Errors.invalid(name, "Invalid currency: " + SafeText.clip(value)
          + ". Currencies are three-letter ISO codes, such as usd.");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private static MetadataChange metadata(String name, Map<String, Object> raw) {
    Map<String, String> set = new LinkedHashMap<>();
    List<String> remove = new ArrayList<>();
    for (Map.Entry<String, Object> entry : raw.entrySet()) {
      String key = entry.getKey();
      String keyName = child(name, key);
      if (!(entry.getValue() instanceof String value)) {
        throw Errors.invalid(keyName, "Invalid metadata: values must be strings, not hashes or arrays.");
      }
      if (key.length() > MetadataChange.MAX_KEY_LENGTH) {
        throw Errors.invalid(keyName, "Metadata keys can have up to " + MetadataChange.MAX_KEY_LENGTH + " characters.");
      }
      if (value.length() > MetadataChange.MAX_VALUE_LENGTH) {
        throw Errors.invalid(keyName, "Metadata values can have up to " + MetadataChange.MAX_VALUE_LENGTH
            + " characters.");
      }
      plain(keyName, key);
      plain(keyName, value);
      if (value.isEmpty()) {
        remove.add(key);
      } else {
        set.put(key, value);
      }
    }
    if (set.size() > MetadataChange.MAX_KEYS) {
      throw MetadataChange.tooManyKeys(name);
    }
    return new MetadataChange(false, set, remove);
  }

  private static List<Object> list(String name, ListOf type, Object raw) {
    List<Object> items = new ArrayList<>();
    if (raw instanceof List<?> appended) {
      items.addAll(appended);
    } else if (raw instanceof Map<?, ?> indexed) {
      for (int i = 0; i < indexed.size(); i++) {
        Object item = indexed.get(Integer.toString(i));
        if (item == null) {
          throw Errors.invalid(name, "Invalid array: " + name + " must be indexed 0 to " + (indexed.size() - 1)
              + " without gaps.");
        }
        items.add(item);
      }
    } else {
      throw Errors.invalid(name, "Invalid array: " + name + " must be given as " + name + "[]=value or " + name
          + "[0]=value.");
    }
    if (items.size() > type.maxItems()) {
      throw Errors.invalid(name, "Invalid array: " + name + " can have at most " + type.maxItems() + " items.");
    }
    List<Object> converted = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = convert(name + "[" + i + "]", type.element(), items.get(i));
      if (item == Params.UNSET) {
        throw Errors.invalidEmpty(name + "[" + i + "]");
      }
      converted.add(item);
    }
    return converted;
  }

  private static Params mapOf(String name, MapOf type, Map<String, Object> raw) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : raw.entrySet()) {
      String keyName = child(name, entry.getKey());
      if (!type.keys().matcher(entry.getKey()).matches()) {
        throw Errors.invalid(keyName, "Invalid " + name + ": keys must be " + type.keyDescription() + ".");
      }
      values.put(entry.getKey().toLowerCase(Locale.ROOT), convert(keyName, type.value(), entry.getValue()));
    }
    return new Params(name, values);
  }

  private static Params.Range range(String name, Object raw) {
    // any number of digits a 64-bit integer holds, as Stripe's; the index compares them as numbers
    Int timestamp = ParamType.integer(0, Long.MAX_VALUE);
    if (raw instanceof String exact) {
      return new Params.Range(integer(name, timestamp, exact), null, null, null, null);
    }
    Map<String, Object> bounds = hash(name, raw);
    List<String> unknown = new ArrayList<>();
    for (String key : bounds.keySet()) {
      if (!List.of("gt", "gte", "lt", "lte").contains(key)) {
        unknown.add(child(name, key));
      }
    }
    if (!unknown.isEmpty()) {
      throw Errors.unknownParameters(unknown);
    }
    return new Params.Range(null,
        bound(name, "gt", bounds, timestamp), bound(name, "gte", bounds, timestamp),
        bound(name, "lt", bounds, timestamp), bound(name, "lte", bounds, timestamp));
  }

  private static Long bound(String name, String key, Map<String, Object> bounds, Int type) {
    Object raw = bounds.get(key);
    if (raw == null) {
      return null;
    }
    String keyName = child(name, key);
    if ("".equals(raw)) {
      throw Errors.invalidEmpty(keyName);
    }
    return integer(keyName, type, scalar(keyName, raw, "integer"));
  }
}

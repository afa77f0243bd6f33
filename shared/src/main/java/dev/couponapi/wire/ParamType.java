package dev.couponapi.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The declared type of one request parameter; {@link ParamBinder} checks and converts by it. */
public sealed interface ParamType {

  /** Whether an empty string may be sent to unset this parameter (Stripe's {@code Emptyable}). */
  boolean unsettable();

  record Text(int maxLength, boolean unsettable) implements ParamType {}

  record Int(long min, long max, boolean unsettable) implements ParamType {}

  /** A decimal with at most {@code scale} fraction digits (only {@code percent_off}). */
  record Decimal(int scale) implements ParamType {
    public boolean unsettable() {
      return false;
    }
  }

  record Bool() implements ParamType {
    public boolean unsettable() {
      return false;
    }
  }

  record Choice(Set<String> values) implements ParamType {
    public boolean unsettable() {
      return false;
    }
  }

  /** A three-letter ISO currency code, any case, returned lower-case. */
  record Currency() implements ParamType {
    public boolean unsettable() {
      return false;
    }
  }

  /** Metadata: string keys and values, merged on update (docs/api.md §1.7). Always unsettable. */
  record Metadata() implements ParamType {
    public boolean unsettable() {
      return true;
    }
  }

  record ListOf(ParamType element, int maxItems, boolean unsettable) implements ParamType {}

  /** A hash with a fixed set of keys. */
  record Fields(Map<String, ParamType> fields, boolean unsettable) implements ParamType {}

  /** A hash whose keys are data (e.g. currency codes), all with the same value type. */
  record MapOf(Pattern keys, String keyDescription, ParamType value, boolean unsettable) implements ParamType {}

  /** An integer timestamp, or a range hash with {@code gt}, {@code gte}, {@code lt}, {@code lte}. */
  record IntOrRange() implements ParamType {
    public boolean unsettable() {
      return false;
    }
  }

  static Text text(int maxLength) {
    return new Text(maxLength, false);
  }

  static Int integer(long min, long max) {
    return new Int(min, max, false);
  }

  static Fields fields(Object... namesAndTypes) {
    return new Fields(declare(namesAndTypes), false);
  }

  /** An endpoint's (or a hash's) parameters: name, type, name, type, … */
  static Map<String, ParamType> declare(Object... namesAndTypes) {
    Map<String, ParamType> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      map.put((String) namesAndTypes[i], (ParamType) namesAndTypes[i + 1]);
    }
    return Map.copyOf(map);
  }

  static Pattern currencyKeys() {
    return Pattern.compile("[A-Za-z]{3}");
  }
}

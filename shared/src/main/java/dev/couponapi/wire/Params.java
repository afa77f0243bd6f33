package dev.couponapi.wire;

import dev.couponapi.domain.MetadataChange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Request parameters after {@link ParamBinder} checked and converted them. Values are
 * {@code String}, {@code Long}, {@code BigDecimal}, {@code Boolean}, {@link MetadataChange},
 * {@link Range}, {@code List}, nested {@code Params}, or {@link #UNSET} for an empty string sent to
 * unset a parameter.
 */
public final class Params {

  /** Marks a parameter sent as an empty string to unset it. */
  public static final Object UNSET = new Object() {
    @Override
    public String toString() {
      return "UNSET";
    }
  };

  private final String prefix;
  private final Map<String, Object> values;

  Params(String prefix, Map<String, Object> values) {
    this.prefix = prefix;
    this.values = values;
  }

  public static Params empty() {
    return new Params("", Map.of());
  }

  /** The bracket-notation name of a parameter of this level, as errors report it. */
  public String nameOf(String key) {
    return prefix.isEmpty() ? key : prefix + "[" + key + "]";
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public boolean isUnset(String key) {
    return values.get(key) == UNSET;
  }

  public java.util.Set<String> keys() {
    return values.keySet();
  }

  public String text(String key) {
    return typed(key, String.class);
  }

  public Long integer(String key) {
    return typed(key, Long.class);
  }

  public BigDecimal decimal(String key) {
    return typed(key, BigDecimal.class);
  }

  public Boolean bool(String key) {
    return typed(key, Boolean.class);
  }

  public MetadataChange metadata(String key) {
    return typed(key, MetadataChange.class);
  }

  public Range range(String key) {
    return typed(key, Range.class);
  }

  public Params object(String key) {
    return typed(key, Params.class);
  }

  @SuppressWarnings("unchecked")
  public <T> List<T> list(String key) {
    return typed(key, List.class);
  }

  private <T> T typed(String key, Class<T> type) {
    Object value = values.get(key);
    return type.isInstance(value) ? type.cast(value) : null;
  }

  /** A created-time filter: exact value or bounds, each may be null. */
  public record Range(Long eq, Long gt, Long gte, Long lt, Long lte) {}
}

package dev.couponapi.domain;

import dev.couponapi.api.ApiException;
import dev.couponapi.api.Errors;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@code metadata} parameter asks for (docs/api.md §1.7): clear everything, and/or set and remove
 * keys. Updates merge; {@code metadata=} clears.
 */
public record MetadataChange(boolean clearAll, Map<String, String> set, List<String> remove) {

  /** Stripe's metadata limits (docs/api.md §1.7). */
  public static final int MAX_KEYS = 50;
  public static final int MAX_KEY_LENGTH = 40;
  public static final int MAX_VALUE_LENGTH = 500;

  public static final MetadataChange NONE = new MetadataChange(false, Map.of(), List.of());

  public MetadataChange {
    set = Map.copyOf(set);
    remove = List.copyOf(remove);
  }

  public boolean isEmpty() {
    return !clearAll && set.isEmpty() && remove.isEmpty();
  }

  /** The refusal of metadata that would have more than {@link #MAX_KEYS} keys. */
  public static ApiException tooManyKeys(String param) {
    return Errors.invalid(param, "Metadata can have up to " + MAX_KEYS + " keys.");
  }

  /** The metadata that results from applying this change to {@code current}. */
  public Map<String, String> applyTo(Map<String, String> current) {
    Map<String, String> result = new TreeMap<>(clearAll ? Map.of() : current);
    remove.forEach(result::remove);
    result.putAll(set);
    return result;
  }
}

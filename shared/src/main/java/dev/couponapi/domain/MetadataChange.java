package dev.couponapi.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@code metadata} parameter asks for (spec §1.7): clear everything, and/or set and remove
 * keys. Updates merge; {@code metadata=} clears.
 */
public record MetadataChange(boolean clearAll, Map<String, String> set, List<String> remove) {

  public static final MetadataChange NONE = new MetadataChange(false, Map.of(), List.of());

  public MetadataChange {
    set = Map.copyOf(set);
    remove = List.copyOf(remove);
  }

  public boolean isEmpty() {
    return !clearAll && set.isEmpty() && remove.isEmpty();
  }

  /** The metadata that results from applying this change to {@code current}. */
  public Map<String, String> applyTo(Map<String, String> current) {
    Map<String, String> result = new TreeMap<>(clearAll ? Map.of() : current);
    remove.forEach(result::remove);
    result.putAll(set);
    return result;
  }
}

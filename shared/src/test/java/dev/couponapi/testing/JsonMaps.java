package dev.couponapi.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map as a JSON object may be, nulls included (Map.of refuses them): key, value, key, value, … */
public final class JsonMaps {

  private JsonMaps() {}

  public static Map<String, Object> of(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}

package dev.couponapi.domain;

import java.util.List;
import java.util.Map;

/**
 * An update of the only mutable coupon fields (spec §2.4). Null means "leave as is";
 * {@code clearMetadata} drops every key before {@code setMetadata} applies.
 */
public record CouponChanges(
    String name,
    boolean clearMetadata,
    Map<String, String> setMetadata,
    List<String> removeMetadata,
    Map<String, Long> currencyOptions) {

  public CouponChanges {
    setMetadata = Map.copyOf(setMetadata);
    removeMetadata = List.copyOf(removeMetadata);
    currencyOptions = Map.copyOf(currencyOptions);
  }

  public boolean isEmpty() {
    return name == null && !clearMetadata && setMetadata.isEmpty() && removeMetadata.isEmpty()
        && currencyOptions.isEmpty();
  }
}

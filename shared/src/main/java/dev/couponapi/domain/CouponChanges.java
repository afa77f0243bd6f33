package dev.couponapi.domain;

import java.util.Map;

/** An update of the only mutable coupon fields (docs/api.md §2.4); null/empty means "leave as is". */
public record CouponChanges(String name, MetadataChange metadata, Map<String, Long> currencyOptions) {

  public CouponChanges {
    currencyOptions = Map.copyOf(currencyOptions);
  }

  public boolean isEmpty() {
    return name == null && metadata.isEmpty() && currencyOptions.isEmpty();
  }
}

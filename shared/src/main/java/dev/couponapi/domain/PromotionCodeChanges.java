package dev.couponapi.domain;

import java.util.Map;

/** An update of the only mutable promotion-code fields (docs/api.md §3.4); null/empty: leave as is. */
public record PromotionCodeChanges(Boolean active, MetadataChange metadata, Map<String, Long> currencyOptions) {

  public PromotionCodeChanges {
    currencyOptions = Map.copyOf(currencyOptions);
  }

  /** Whether anything besides {@code active} changes. */
  public boolean changesFields() {
    return !metadata.isEmpty() || !currencyOptions.isEmpty();
  }
}

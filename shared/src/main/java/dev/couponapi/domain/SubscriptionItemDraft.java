package dev.couponapi.domain;

import java.util.List;

/**
 * A subscription item asked for or changed (docs/api.md §7.4): its price (null: unchanged on an
 * update), quantity, discounts (null: unchanged; empty: none) and metadata.
 */
public record SubscriptionItemDraft(String subscription, Price price, Long quantity, List<DiscountRequest> discounts,
    MetadataChange metadata) {

  /** An inline price. */
  public record Price(String currency, String product, long unitAmount, String interval, long intervalCount) {}
}

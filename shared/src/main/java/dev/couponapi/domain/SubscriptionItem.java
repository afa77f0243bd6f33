package dev.couponapi.domain;

import java.util.List;

/** One line of a subscription: an inline price, a quantity, and the item's own discounts. */
public record SubscriptionItem(
    String id,
    long created,
    String currency,
    String product,
    long unitAmount,
    String interval,
    long intervalCount,
    long quantity,
    List<Discount> discounts,
    java.util.Map<String, String> metadata) {

  public SubscriptionItem {
    discounts = List.copyOf(discounts);
    metadata = java.util.Map.copyOf(metadata);
  }

  /** An item without metadata. */
  public SubscriptionItem(String id, long created, String currency, String product, long unitAmount, String interval,
      long intervalCount, long quantity, List<Discount> discounts) {
    this(id, created, currency, product, unitAmount, interval, intervalCount, quantity, discounts, java.util.Map.of());
  }

  /** The same item with other discounts. */
  public SubscriptionItem withDiscounts(List<Discount> newDiscounts) {
    return new SubscriptionItem(id, created, currency, product, unitAmount, interval, intervalCount, quantity,
        newDiscounts, metadata);
  }

  /** The same item with another price, quantity and metadata (an update; billed from the next invoice on). */
  public SubscriptionItem with(String newProduct, long newUnitAmount, long newQuantity,
      java.util.Map<String, String> newMetadata) {
    return new SubscriptionItem(id, created, currency, newProduct, newUnitAmount, interval, intervalCount, newQuantity,
        discounts, newMetadata);
  }

  public long amount() {
    return Math.multiplyExact(unitAmount, quantity);
  }
}

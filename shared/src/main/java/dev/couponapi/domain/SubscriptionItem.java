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
    List<Discount> discounts) {

  public SubscriptionItem {
    discounts = List.copyOf(discounts);
  }

  public long amount() {
    return Math.multiplyExact(unitAmount, quantity);
  }
}

package dev.couponapi.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A subscription (docs/api.md §5.2): items with inline prices, and its own discounts.
 * {@code billingCycleAnchor} is when its billing periods start: its creation, unless an update
 * reset it to "now".
 */
public record Subscription(
    String id,
    String customer,
    long created,
    long billingCycleAnchor,
    String currency,
    String status,
    Long canceledAt,
    Map<String, String> metadata,
    List<SubscriptionItem> items,
    List<Discount> discounts,
    boolean livemode) {

  public static final EventType CREATED = new EventType("customer.subscription.created");
  public static final EventType UPDATED = new EventType("customer.subscription.updated");
  public static final EventType DELETED = new EventType("customer.subscription.deleted");

  public static final String ACTIVE = "active";
  public static final String CANCELED = "canceled";

  public Subscription {
    metadata = Map.copyOf(metadata);
    items = List.copyOf(items);
    discounts = List.copyOf(discounts);
  }

  /** The subscription-level discounts still in effect at {@code now} (docs/api.md §4.5). */
  public List<Discount> discountsAt(Instant now) {
    return discounts.stream().filter(discount -> discount.inEffect(now)).toList();
  }

  /** Every discount it carries: its own, then its items'. */
  public List<Discount> allDiscounts() {
    return java.util.stream.Stream.concat(discounts.stream(), items.stream().flatMap(item -> item.discounts().stream()))
        .toList();
  }

  public Subscription with(List<Discount> newDiscounts, Map<String, String> newMetadata, long anchor) {
    return new Subscription(id, customer, created, anchor, currency, status, canceledAt, newMetadata, items,
        newDiscounts, livemode);
  }

  public Subscription canceled(long at) {
    return new Subscription(id, customer, created, billingCycleAnchor, currency, CANCELED, at, metadata, items,
        discounts, livemode);
  }

  /** The pre-discount amount of one billing period: what a promotion code's minimum compares with. */
  public long amount() {
    return items.stream().mapToLong(SubscriptionItem::amount).reduce(0, Math::addExact);
  }
}

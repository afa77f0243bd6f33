package dev.couponapi.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A subscription (docs/api.md §5.2): items with inline prices, and its own discounts.
 * {@code billingCycleAnchor} is when its billing periods start: its creation, unless an update
 * reset it to "now"; {@code period} the one billed last (docs/api.md §7.1), by {@code latestInvoice}.
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
    boolean livemode,
    BillingPeriod period,
    String latestInvoice,
    String testClock) {

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

  /** New discounts, metadata and anchor; an anchor moved starts a period there (no invoice: docs/api.md §7.1). */
  public Subscription with(List<Discount> newDiscounts, Map<String, String> newMetadata, long anchor) {
    BillingPeriod newPeriod = anchor == billingCycleAnchor ? period : BillingPeriod.first(anchor, interval(),
        intervalCount());
    return new Subscription(id, customer, created, anchor, currency, status, canceledAt, newMetadata, items,
        newDiscounts, livemode, newPeriod, latestInvoice, testClock);
  }

  /**
   * When the sweep must next look at it: the end of its period while it is active (a renewal), or
   * the earliest end of its discounts, whichever comes first; null when neither.
   */
  public Long nextMoment() {
    Long moment = allDiscounts().stream().map(Discount::end).filter(java.util.Objects::nonNull).min(Long::compare)
        .orElse(null);
    if (testClock != null) {
      // its time is its clock's: its clock's advances renew it and end its discounts, never the sweep
      return null;
    }
    if (ACTIVE.equals(status) && period != null && (moment == null || period.end() < moment)) {
      return period.end();
    }
    return moment;
  }

  public Subscription canceled(long at) {
    return new Subscription(id, customer, created, billingCycleAnchor, currency, CANCELED, at, metadata, items,
        discounts, livemode, period, latestInvoice, testClock);
  }

  /** The same with other discounts and items (what a renewal or the sweep leaves). */
  public Subscription withDiscounts(List<Discount> newDiscounts, List<SubscriptionItem> newItems) {
    return new Subscription(id, customer, created, billingCycleAnchor, currency, status, canceledAt, metadata,
        newItems, newDiscounts, livemode, period, latestInvoice, testClock);
  }

  /** The same, renewed into {@code next}, billed by {@code invoice}. */
  public Subscription renewed(BillingPeriod next, String invoice) {
    return new Subscription(id, customer, created, billingCycleAnchor, currency, status, canceledAt, metadata, items,
        discounts, livemode, next, invoice, testClock);
  }

  /** Its interval and count: its items', which are all the same (docs/api.md §5.2). */
  public String interval() {
    return items.get(0).interval();
  }

  public long intervalCount() {
    return items.get(0).intervalCount();
  }

  /** Whether a renewal is due at {@code now}: it is active and its period has ended. */
  public boolean isDueAt(Instant now) {
    return ACTIVE.equals(status) && period != null && period.end() <= now.getEpochSecond();
  }

  /** The period after the one billed last. */
  public BillingPeriod nextPeriod() {
    return period.next(billingCycleAnchor, interval(), intervalCount());
  }

  /** The pre-discount amount of one billing period: what a promotion code's minimum compares with. */
  public long amount() {
    return items.stream().mapToLong(SubscriptionItem::amount).reduce(0, Math::addExact);
  }
}

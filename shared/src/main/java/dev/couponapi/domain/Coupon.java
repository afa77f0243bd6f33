package dev.couponapi.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A coupon as stored: the facts, never derived state. {@link #valid(Instant)} is computed from
 * these facts and the time, so it is right between sweeps.
 *
 * <p>Exactly one of {@code percentOff} and {@code amountOff} is set; {@code currency} and
 * {@code currencyOptions} go with {@code amountOff}. {@code appliesToProducts} is null when the
 * coupon is not restricted. {@code deletedAt} is set on a soft-deleted coupon, which existing
 * discounts keep referring to.
 */
public record Coupon(
    String id,
    long created,
    BigDecimal percentOff,
    Long amountOff,
    String currency,
    Map<String, Long> currencyOptions,
    CouponDuration duration,
    Integer durationInMonths,
    Long maxRedemptions,
    Long redeemBy,
    String name,
    Map<String, String> metadata,
    List<String> appliesToProducts,
    long timesRedeemed,
    Long deletedAt,
    boolean livemode,
    Long maxRedemptionsPerCustomer) {

  /** A coupon without a limit per customer (an extension, docs/api.md §2.8). */
  public Coupon(String id, long created, BigDecimal percentOff, Long amountOff, String currency,
      Map<String, Long> currencyOptions, CouponDuration duration, Integer durationInMonths, Long maxRedemptions,
      Long redeemBy, String name, Map<String, String> metadata, List<String> appliesToProducts, long timesRedeemed,
      Long deletedAt, boolean livemode) {
    this(id, created, percentOff, amountOff, currency, currencyOptions, duration, durationInMonths, maxRedemptions,
        redeemBy, name, metadata, appliesToProducts, timesRedeemed, deletedAt, livemode, null);
  }

  /** The same coupon with a limit per customer. */
  public Coupon limitedPerCustomer(Long limit) {
    return new Coupon(id, created, percentOff, amountOff, currency, currencyOptions, duration, durationInMonths,
        maxRedemptions, redeemBy, name, metadata, appliesToProducts, timesRedeemed, deletedAt, livemode, limit);
  }

  public static final EventType CREATED = new EventType("coupon.created");
  public static final EventType UPDATED = new EventType("coupon.updated");
  public static final EventType DELETED = new EventType("coupon.deleted");

  public Coupon {
    metadata = Map.copyOf(metadata);
    currencyOptions = Map.copyOf(currencyOptions);
    appliesToProducts = appliesToProducts == null ? null : List.copyOf(appliesToProducts);
    if ((percentOff == null) == (amountOff == null)) {
      throw new IllegalArgumentException("exactly one of percentOff and amountOff must be set");
    }
    if ((amountOff == null) != (currency == null)) {
      throw new IllegalArgumentException("currency goes with amountOff");
    }
    if ((duration == CouponDuration.REPEATING) != (durationInMonths != null)) {
      throw new IllegalArgumentException("durationInMonths goes with a repeating duration");
    }
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  /** Whether the coupon can still be redeemed at {@code now} (docs/api.md §2.7). */
  public boolean valid(Instant now) {
    return !deleted() && !pastRedeemBy(now) && !exhausted();
  }

  public boolean pastRedeemBy(Instant now) {
    return redeemBy != null && now.getEpochSecond() >= redeemBy;
  }

  public boolean exhausted() {
    return maxRedemptions != null && timesRedeemed >= maxRedemptions;
  }

  /**
   * The coupon as {@code changes} leave it (its name, merged metadata, added currency options);
   * whether they may be made is the service's rule.
   */
  public Coupon changedBy(CouponChanges changes) {
    Map<String, Long> options = new java.util.TreeMap<>(currencyOptions);
    options.putAll(changes.currencyOptions());
    return new Coupon(id, created, percentOff, amountOff, currency, options, duration, durationInMonths,
        maxRedemptions, redeemBy, changes.name() != null ? changes.name() : name, changes.metadata().applyTo(metadata),
        appliesToProducts, timesRedeemed, deletedAt, livemode, maxRedemptionsPerCustomer);
  }

  /** The same terms as a new coupon: its id, creation time and mode. */
  public Coupon withIdentity(String newId, long newCreated, boolean newLivemode) {
    return new Coupon(newId, newCreated, percentOff, amountOff, currency, currencyOptions, duration, durationInMonths,
        maxRedemptions, redeemBy, name, metadata, appliesToProducts, 0, null, newLivemode, maxRedemptionsPerCustomer);
  }

  /** The coupon with its redemptions counted (the count lives apart from the terms). */
  public Coupon withTimesRedeemed(long count) {
    return new Coupon(id, created, percentOff, amountOff, currency, currencyOptions, duration, durationInMonths,
        maxRedemptions, redeemBy, name, metadata, appliesToProducts, count, deletedAt, livemode,
        maxRedemptionsPerCustomer);
  }

  /** The coupon after {@code count} more redemptions. */
  public Coupon redeemed(int count) {
    return new Coupon(id, created, percentOff, amountOff, currency, currencyOptions, duration, durationInMonths,
        maxRedemptions, redeemBy, name, metadata, appliesToProducts, timesRedeemed + count, deletedAt, livemode,
        maxRedemptionsPerCustomer);
  }
}

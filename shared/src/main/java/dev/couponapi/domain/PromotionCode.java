package dev.couponapi.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A promotion code as stored: a customer-facing code for a coupon (docs/api.md §3). {@code couponRev}
 * names the exact coupon record, so a later coupon reusing the id is never mistaken for it.
 * Rendered {@code active} and redeemability are computed from these facts, the coupon and the time.
 */
public record PromotionCode(
    String id,
    String code,
    String couponId,
    String couponRev,
    long created,
    String customer,
    Long expiresAt,
    Long maxRedemptions,
    long timesRedeemed,
    boolean activeFlag,
    Map<String, String> metadata,
    Restrictions restrictions,
    boolean livemode,
    Long maxRedemptionsPerCustomer) {

  /** A code without a limit per customer (an extension, docs/api.md §2.8). */
  public PromotionCode(String id, String code, String couponId, String couponRev, long created, String customer,
      Long expiresAt, Long maxRedemptions, long timesRedeemed, boolean activeFlag, Map<String, String> metadata,
      Restrictions restrictions, boolean livemode) {
    this(id, code, couponId, couponRev, created, customer, expiresAt, maxRedemptions, timesRedeemed, activeFlag,
        metadata, restrictions, livemode, null);
  }

  public static final EventType CREATED = new EventType("promotion_code.created");
  public static final EventType UPDATED = new EventType("promotion_code.updated");

  public PromotionCode {
    metadata = Map.copyOf(metadata);
  }

  /** Spec §3.1 restrictions; {@code currencyOptions} maps a currency to its minimum amount. */
  public record Restrictions(boolean firstTimeTransaction, Long minimumAmount, String minimumAmountCurrency,
      Map<String, Long> currencyOptions) {

    public static final Restrictions NONE = new Restrictions(false, null, null, Map.of());

    public Restrictions {
      currencyOptions = Map.copyOf(currencyOptions);
    }

    public Restrictions withCurrencyOptions(Map<String, Long> options) {
      return new Restrictions(firstTimeTransaction, minimumAmount, minimumAmountCurrency, options);
    }
  }

  /** The lower-cased text that uniqueness compares: codes are case-insensitive (docs/api.md §3.2). */
  public String normalizedCode() {
    return normalize(code);
  }

  public static String normalize(String code) {
    return code.toLowerCase(java.util.Locale.ROOT);
  }

  /** Rendered {@code active}: the stored flag, and only while the coupon is valid (docs/api.md §3.6). */
  public boolean active(Coupon coupon, Instant now) {
    return activeFlag && coupon.valid(now);
  }

  public boolean expired(Instant now) {
    return expiresAt != null && now.getEpochSecond() >= expiresAt;
  }

  public boolean exhausted() {
    return maxRedemptions != null && timesRedeemed >= maxRedemptions;
  }

  /**
   * Why this code may not be switched back on (docs/api.md §3.4), or null when it may: the coupon must
   * still be valid and the code itself neither expired nor used up. Text uniqueness is the
   * store's condition, not a read.
   */
  public String reactivationRefusal(Coupon coupon, Instant now) {
    if (!coupon.valid(now)) {
      return "This promotion code cannot be reactivated because its coupon is no longer valid.";
    }
    if (expired(now)) {
      return "This promotion code cannot be reactivated because it has expired.";
    }
    if (exhausted()) {
      return "This promotion code cannot be reactivated because it has reached its max_redemptions.";
    }
    return null;
  }

  /** The code with its redemptions counted (the count lives apart from the terms). */
  public PromotionCode withTimesRedeemed(long count) {
    return new PromotionCode(id, code, couponId, couponRev, created, customer, expiresAt, maxRedemptions,
        count, activeFlag, metadata, restrictions, livemode, maxRedemptionsPerCustomer);
  }

  public PromotionCode withActive(boolean active) {
    return new PromotionCode(id, code, couponId, couponRev, created, customer, expiresAt, maxRedemptions,
        timesRedeemed, active, metadata, restrictions, livemode, maxRedemptionsPerCustomer);
  }
}

package dev.couponapi.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What a create request asks for, already checked for shape; {@code id} is null when generated. */
public record CouponDraft(
    String id,
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
    List<String> appliesToProducts) {

  public Coupon toCoupon(String assignedId, long created, boolean livemode) {
    return new Coupon(assignedId, created, percentOff, amountOff, currency, currencyOptions, duration,
        durationInMonths, maxRedemptions, redeemBy, name, metadata, appliesToProducts, 0, null, livemode);
  }
}

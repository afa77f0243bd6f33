package dev.couponapi.domain;

/**
 * What a create request asks for, already checked for shape: the requested id (null when one is
 * to be generated) and the coupon's terms, whose id, creation time and mode are assigned on create.
 */
public record CouponDraft(String requestedId, Coupon terms) {

  public Coupon toCoupon(String assignedId, long created, boolean livemode) {
    return terms.withIdentity(assignedId, created, livemode);
  }

  public Long redeemBy() {
    return terms.redeemBy();
  }
}

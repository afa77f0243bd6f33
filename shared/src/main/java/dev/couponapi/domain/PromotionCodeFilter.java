package dev.couponapi.domain;

/** The filters of the promotion-code list (spec §3.5); null: not filtered on. */
public record PromotionCodeFilter(Boolean active, String code, String coupon, String customer) {

  public boolean isEmpty() {
    return active == null && code == null && coupon == null && customer == null;
  }
}

package dev.couponapi.domain;

/**
 * One discount a request asks for (docs/api.md §4.3): redeem a coupon, redeem a promotion code, or keep
 * an existing discount; {@code param} is the parameter that named it, for errors.
 */
public record DiscountRequest(Kind kind, String id, String param) {

  public enum Kind { COUPON, PROMOTION_CODE, EXISTING }

  public static DiscountRequest coupon(String id, String param) {
    return new DiscountRequest(Kind.COUPON, id, param);
  }

  public static DiscountRequest promotionCode(String id, String param) {
    return new DiscountRequest(Kind.PROMOTION_CODE, id, param);
  }

  public static DiscountRequest existing(String id, String param) {
    return new DiscountRequest(Kind.EXISTING, id, param);
  }
}

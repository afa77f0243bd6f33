package dev.couponapi.domain;

/**
 * The object an event is about, as stored with the event: enough to render it in any API version
 * exactly as the API would have at the event's instant (a promotion code with its coupon, since
 * versions before clover embed it).
 */
public sealed interface EventObject {

  record OfCoupon(Coupon coupon) implements EventObject {}

  record OfPromotionCode(PromotionCode code, Coupon coupon) implements EventObject {}

  /** A customer, with the coupon of its discount (null when it has none). */
  record OfCustomer(Customer customer, Coupon coupon) implements EventObject {}

  /** A customer's discount, with its coupon. */
  record OfDiscount(Discount discount, Coupon coupon) implements EventObject {}
}

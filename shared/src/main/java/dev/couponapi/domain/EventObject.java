package dev.couponapi.domain;

/**
 * The object an event is about, as stored with the event: enough to render it in any API version
 * exactly as the API would have at the event's instant (a promotion code with its coupon, since
 * versions before clover embed it). Each kind is registered by its resource with how it is stored
 * and rendered ({@code EventKind}); the ones here are the kinds of the coupon resources.
 */
public interface EventObject {

  record OfCoupon(Coupon coupon) implements EventObject {}

  record OfPromotionCode(PromotionCode code, Coupon coupon) implements EventObject {}

  /** A customer, with the coupon of its discount (null when it has none). */
  record OfCustomer(Customer customer, Coupon coupon) implements EventObject {}

  /** A subscription, with the coupons of its discounts (its own and its items'), by coupon revision. */
  record OfSubscription(Subscription subscription, java.util.Map<String, Coupon> coupons) implements EventObject {

    public OfSubscription {
      coupons = java.util.Map.copyOf(coupons);
    }

    /** The subscription with the coupons {@code lookup} gives for each of its discounts. */
    public static OfSubscription of(Subscription subscription, java.util.function.Function<Discount, Coupon> lookup) {
      java.util.Map<String, Coupon> coupons = new java.util.HashMap<>();
      subscription.allDiscounts().forEach(discount -> coupons.put(discount.couponRev(), lookup.apply(discount)));
      return new OfSubscription(subscription, coupons);
    }
  }

  /** A test clock. */
  record OfTestClock(TestClock clock) implements EventObject {}

  /** An invoice item. */
  record OfInvoiceItem(InvoiceItem item) implements EventObject {}

  /** An invoice, as it was priced. */
  record OfInvoice(Invoice invoice) implements EventObject {}

  /** A customer's (or a subscription's) discount, with its coupon. */
  record OfDiscount(Discount discount, Coupon coupon) implements EventObject {}
}

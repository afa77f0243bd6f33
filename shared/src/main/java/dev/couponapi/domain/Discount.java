package dev.couponapi.domain;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A coupon applied to a customer, a subscription or a subscription item (docs/api.md §4), stored inside
 * its holder. {@code couponRev} names the exact coupon record, so the discount keeps working after
 * the coupon is deleted or its id reused.
 */
public record Discount(
    String id,
    String couponId,
    String couponRev,
    String promotionCode,
    long start,
    Long end,
    String customer,
    String subscription,
    String subscriptionItem,
    String invoice,
    String invoiceItem) {

  public static final EventType CREATED = new EventType("customer.discount.created");
  public static final EventType UPDATED = new EventType("customer.discount.updated");
  public static final EventType DELETED = new EventType("customer.discount.deleted");

  /** A discount of a customer, a subscription or a subscription item (not of an invoice or invoice item). */
  public Discount(String id, String couponId, String couponRev, String promotionCode, long start, Long end,
      String customer, String subscription, String subscriptionItem) {
    this(id, couponId, couponRev, promotionCode, start, end, customer, subscription, subscriptionItem, null, null);
  }

  /** Whether the discount still applies at {@code now}: a repeating one ends (docs/api.md §4.5). */
  public boolean inEffect(Instant now) {
    return end == null || now.getEpochSecond() < end;
  }

  /**
   * When a discount made from {@code coupon} at {@code start} ends: {@code duration_in_months}
   * calendar months later for a repeating coupon (UTC; a day missing in the target month is its
   * last day, time of day kept), never for once and forever.
   */
  public static Long endOf(Coupon coupon, long start) {
    if (coupon.duration() != CouponDuration.REPEATING) {
      return null;
    }
    return Instant.ofEpochSecond(start).atOffset(ZoneOffset.UTC).plusMonths(coupon.durationInMonths()).toEpochSecond();
  }

  public Discount on(String newSubscription, String newItem) {
    return new Discount(id, couponId, couponRev, promotionCode, start, end, customer, newSubscription, newItem,
        invoice, invoiceItem);
  }

  /** The same discount, of an invoice ({@code Discount.invoice}) or of an invoice item ({@code invoice_item}). */
  public Discount of(String newInvoice, String newInvoiceItem) {
    return new Discount(id, couponId, couponRev, promotionCode, start, end, customer, subscription, subscriptionItem,
        newInvoice, newInvoiceItem);
  }
}

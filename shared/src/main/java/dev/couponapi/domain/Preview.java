package dev.couponapi.domain;

import java.util.List;
import java.util.function.Function;

/**
 * A priced invoice that is never stored: its lines, the discounts that applied and what they
 * took off (docs/api.md §6.4). {@code discounts} are the invoice-level ones; each line names its own.
 */
public record Preview(
    String customer,
    String subscription,
    String currency,
    long created,
    long periodStart,
    long periodEnd,
    List<PreviewLine> lines,
    List<Discount> discounts,
    InvoiceMath.Result result,
    Function<Discount, Coupon> coupons,
    boolean livemode) {

  /** One line: what it is, its amount, its own discounts. */
  public record PreviewLine(String description, long amount, long unitAmount, long quantity, String product,
      boolean discountable, String interval, List<Discount> discounts) {}
}

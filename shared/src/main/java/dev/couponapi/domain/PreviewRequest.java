package dev.couponapi.domain;

import java.util.List;

/**
 * What an invoice preview asks for (docs/api.md §6.1): whose invoice, which lines, which discounts.
 * {@code discounts} null means "inherit"; {@code noDiscounts} is {@code discounts=} (none at all);
 * {@code billingCycleAnchor} is when the previewed period starts (null: now).
 */
public record PreviewRequest(
    String customer,
    String subscription,
    List<SubscriptionDraft.Item> newSubscriptionItems,
    List<InvoiceItem> invoiceItems,
    List<DiscountRequest> discounts,
    boolean noDiscounts,
    String currency,
    Long billingCycleAnchor) {

  /** A one-off line: a given amount, or a unit amount times a quantity. */
  public record InvoiceItem(long amount, long unitAmount, long quantity, String currency, String description,
      boolean discountable, String product, List<DiscountRequest> discounts) {}
}

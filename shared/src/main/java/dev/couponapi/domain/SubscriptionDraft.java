package dev.couponapi.domain;

import java.util.List;
import java.util.Map;

/**
 * A create request for a subscription, checked for shape: its customer, items (inline prices) and
 * the discounts it asks for: {@code discounts} (null when not sent) or the legacy {@code single}.
 */
public record SubscriptionDraft(String customer, List<Item> items, List<DiscountRequest> discounts,
    DiscountRequest single, Map<String, String> metadata, List<InvoiceItemDraft> addInvoiceItems) {

  /** One item: its inline price, quantity and item-level discounts. */
  public record Item(String currency, String product, long unitAmount, String interval, long intervalCount,
      long quantity, List<DiscountRequest> discounts) {}

  /**
   * An update: new discounts (null: unchanged), all removed, or the legacy single one; metadata;
   * whether the billing cycle anchor is reset to now ({@code billing_cycle_anchor=now}).
   */
  public record Changes(List<DiscountRequest> discounts, boolean removeDiscounts, DiscountRequest single,
      MetadataChange metadata, boolean resetBillingCycleAnchor, List<ItemChange> items,
      List<InvoiceItemDraft> addInvoiceItems) {

    public boolean changesDiscounts() {
      return discounts != null || removeDiscounts || single != null;
    }

    public boolean changesItems() {
      return !items.isEmpty() || !addInvoiceItems.isEmpty();
    }
  }

  /**
   * One element of {@code items[]} on update ({@code param} names it in errors): an existing item
   * ({@code id}) changed or {@code deleted}, or a new one (no id, a price).
   */
  public record ItemChange(String param, String id, SubscriptionItemDraft.Price price, Long quantity,
      List<DiscountRequest> discounts, boolean deleted, MetadataChange metadata) {}
}

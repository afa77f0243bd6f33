package dev.couponapi.domain;

import java.util.List;
import java.util.Map;

/**
 * A create request for an invoice item, checked for shape (docs/api.md §7.3): its customer, an
 * amount (a unit amount times a quantity), and what else it carries.
 */
public record InvoiceItemDraft(String customer, String currency, long unitAmount, long quantity, String description,
    String product, boolean discountable, List<DiscountRequest> discounts, Map<String, String> metadata,
    String subscription) {

  /** An update of a pending item: each field null when not sent; {@code clearDescription} for {@code description=}. */
  public record Changes(Long amount, Long quantity, String description, boolean clearDescription, Boolean discountable,
      MetadataChange metadata) {

    /** The item with these changes: an {@code amount} is the total (quantity 1), a {@code quantity} keeps the unit amount. */
    public InvoiceItem applyTo(InvoiceItem item) {
      long unit = amount != null ? amount : item.unitAmount();
      long count = amount != null ? 1 : quantity != null ? quantity : item.quantity();
      return item.with(unit, count, clearDescription ? null : description != null ? description : item.description(),
          discountable != null ? discountable : item.discountable(), metadata.applyTo(item.metadata()));
    }
  }
}

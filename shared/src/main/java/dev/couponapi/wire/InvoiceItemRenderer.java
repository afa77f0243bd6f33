package dev.couponapi.wire;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.InvoiceItem;
import java.util.List;
import java.util.Map;

/**
 * Renders an invoice item (docs/api.md §7.3) as Stripe's InvoiceItem, by version: from basil its
 * price is {@code pricing} and where it comes from {@code parent}; before, {@code price},
 * {@code subscription} and {@code unit_amount}.
 */
public final class InvoiceItemRenderer {

  private InvoiceItemRenderer() {}

  public static final String DISCOUNTS = "discounts";

  /** What an item can expand: its discounts, and what each of them can. */
  public static java.util.Set<String> expandable(ApiVersion version) {
    return DiscountRenderer.expandableAt(DISCOUNTS, version);
  }

  /** As an event carries it: discounts as ids. */
  public static Map<String, Object> render(InvoiceItem item, ApiVersion version) {
    return render(item, version, java.time.Instant.ofEpochSecond(item.created()), discount -> null,
        java.util.Set.of());
  }

  public static Map<String, Object> render(InvoiceItem item, ApiVersion version, java.time.Instant now,
      java.util.function.Function<Discount, dev.couponapi.domain.Coupon> coupons, java.util.Set<String> expand) {
    Map<String, Object> period = StripeObject.hash();
    period.put("end", item.created());
    period.put("start", item.created());
    String priceId = "price_inline_" + item.id().substring("ii_".length(), Math.min(item.id().length(), 17));
    StripeObject object = StripeObject.of(item.id(), "invoiceitem")
        .put("amount", item.amount())
        .put("currency", item.currency())
        .put("customer", item.customer())
        .put("customer_account", null)
        .put("date", item.created())
        .put("description", item.description())
        .put("discountable", item.discountable())
        .put("discounts", DiscountRenderer.renderAt(DISCOUNTS, item.discounts(), version, now, coupons, expand))
        .put("invoice", item.invoice())
        .put("livemode", item.livemode())
        .put("metadata", StripeObject.sorted(item.metadata()))
        .put("period", period)
        .put("proration", false)
        .put("quantity", item.quantity())
        .put("tax_rates", List.of())
        .put("test_clock", null);
    if (version.invoiceLineHasPricing()) {
      object.put("pricing", InvoiceRenderer.pricing(priceId, item.product(), item.unitAmount()));
      object.put("parent", parent(item));
    } else {
      object.put("price", StripeObject.of(priceId, "price")
          .put("currency", item.currency())
          .put("product", item.product())
          .put("recurring", null)
          .put("unit_amount", item.unitAmount())
          .toMap());
      object.put("subscription", item.subscription());
      object.put("unit_amount", item.unitAmount());
      object.put("unit_amount_decimal", Long.toString(item.unitAmount()));
    }
    return object.toMap();
  }

  /** A deleted item: its id, {@code object} and {@code deleted: true}. */
  public static Map<String, Object> renderDeleted(String id) {
    return StripeObject.of(id, "invoiceitem").put("deleted", true).toMap();
  }

  private static Map<String, Object> parent(InvoiceItem item) {
    if (item.subscription() == null) {
      return null;
    }
    Map<String, Object> details = StripeObject.hash();
    details.put("subscription", item.subscription());
    details.put("subscription_item", null);
    Map<String, Object> parent = StripeObject.hash();
    parent.put("subscription_details", details);
    parent.put("type", "subscription_details");
    return parent;
  }
}

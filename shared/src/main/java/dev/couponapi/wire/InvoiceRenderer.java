package dev.couponapi.wire;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.domain.Invoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an invoice, stored or previewed, as Stripe's Invoice (docs/api.md §6.4, §7.2): lines with
 * what each discount took off, subtotal, total, total_discount_amounts. By version: before basil the
 * line's price is {@code price} and the invoice names its {@code subscription}; from basil on the line
 * has {@code pricing}, and invoice and lines name where they come from in {@code parent}, with the
 * discounts also as pretax credits.
 */
public final class InvoiceRenderer {

  private InvoiceRenderer() {}

  public static final String DISCOUNTS = "discounts";

  /** What an invoice can expand: its discounts, and what each of them can. */
  public static java.util.Set<String> expandable(ApiVersion version) {
    return DiscountRenderer.expandableAt(DISCOUNTS, version);
  }

  /** With its discounts as ids (as events and previews carry it). */
  public static Map<String, Object> render(Invoice invoice, ApiVersion version) {
    return render(invoice, version, java.time.Instant.ofEpochSecond(invoice.created()), discount -> null,
        java.util.Set.of());
  }

  public static Map<String, Object> render(Invoice invoice, ApiVersion version, java.time.Instant now,
      java.util.function.Function<dev.couponapi.domain.Discount, dev.couponapi.domain.Coupon> coupons,
      java.util.Set<String> expand) {
    List<Object> lines = new ArrayList<>();
    for (int i = 0; i < invoice.lines().size(); i++) {
      lines.add(line(invoice, invoice.lines().get(i), version, i));
    }
    Map<String, Object> lineList = new LinkedHashMap<>();
    lineList.put("object", "list");
    lineList.put("data", lines);
    lineList.put("has_more", false);
    lineList.put("url", invoice.status().equals(Invoice.DRAFT) && invoice.id().startsWith("upcoming_")
        ? "/v1/invoices/upcoming/lines" : "/v1/invoices/" + invoice.id() + "/lines");
    long due = invoice.total() - invoice.amountPaid();
    StripeObject object = StripeObject.of(invoice.id(), "invoice")
        .put("amount_due", invoice.total())
        .put("amount_paid", invoice.amountPaid())
        .put("amount_remaining", Invoice.VOID.equals(invoice.status()) ? 0L : due)
        .put("billing_reason", invoice.billingReason())
        .put("collection_method", invoice.details().collectionMethod())
        .put("created", invoice.created())
        .put("currency", invoice.currency())
        .put("customer", invoice.customer())
        .put("customer_account", null)
        .put("description", invoice.details().description())
        .put("discounts", DiscountRenderer.renderAt(DISCOUNTS, invoice.discounts(), version, now, coupons, expand))
        .put("lines", lineList)
        .put("livemode", invoice.livemode())
        .put("metadata", StripeObject.sorted(invoice.details().metadata()))
        .put("number", invoice.number())
        .put("period_end", invoice.periodEnd())
        .put("period_start", invoice.periodStart())
        .put("status", invoice.status())
        .put("status_transitions", statusTransitions(invoice))
        .put("subtotal", invoice.subtotal())
        .put("subtotal_excluding_tax", invoice.subtotal())
        .put("total", invoice.total())
        .put("total_discount_amounts", invoice.totalDiscountAmounts().stream().map(InvoiceRenderer::amount).toList())
        .put("total_excluding_tax", invoice.total());
    if (version.invoiceHasSubscription()) {
      object.put("subscription", invoice.subscription());
    } else {
      object.put("parent", invoiceParent(invoice));
      object.put("total_pretax_credit_amounts", invoice.totalDiscountAmounts().stream()
          .map(InvoiceRenderer::pretaxCredit).toList());
    }
    return object.toMap();
  }

  private static Map<String, Object> line(Invoice invoice, Invoice.Line line, ApiVersion version, int index) {
    Map<String, Object> period = StripeObject.hash();
    period.put("end", line.periodEnd());
    period.put("start", line.periodStart());
    StripeObject object = StripeObject.of(line.id(), "line_item")
        .put("amount", line.amount())
        .put("currency", invoice.currency())
        .put("description", line.description())
        .put("discount_amounts", line.discountAmounts().stream().map(InvoiceRenderer::amount).toList())
        .put("discountable", line.discountable())
        .put("discounts", line.discounts())
        .put("livemode", invoice.livemode())
        .put("metadata", Map.of())
        .put("period", period)
        .put("quantity", line.quantity())
        .put("quantity_decimal", Long.toString(line.quantity()))
        .put("subtotal", line.amount());
    String random = line.id().substring("il_".length());
    String priceId = "price_inline_" + random.substring(0, Math.min(14, random.length())) + index;
    if (version.invoiceLineHasPricing()) {
      object.put("pricing", pricing(priceId, line.product(), line.unitAmount()));
      object.put("parent", lineParent(invoice, line));
      object.put("pretax_credit_amounts", line.discountAmounts().stream().map(InvoiceRenderer::pretaxCredit).toList());
    } else {
      StripeObject price = StripeObject.of(priceId, "price")
          .put("currency", invoice.currency())
          .put("product", line.product())
          .put("unit_amount", line.unitAmount());
      if (line.interval() != null) {
        Map<String, Object> recurring = StripeObject.hash();
        recurring.put("interval", line.interval());
        recurring.put("interval_count", line.intervalCount());
        price.put("recurring", recurring);
      } else {
        price.put("recurring", null);
      }
      object.put("price", price.toMap());
    }
    return object.toMap();
  }

  /** basil's {@code pricing} of a line or an invoice item: its inline price's details. */
  static Map<String, Object> pricing(String priceId, String product, long unitAmount) {
    Map<String, Object> details = StripeObject.hash();
    details.put("price", priceId);
    details.put("product", product);
    Map<String, Object> pricing = StripeObject.hash();
    pricing.put("price_details", details);
    pricing.put("type", "price_details");
    pricing.put("unit_amount_decimal", Long.toString(unitAmount));
    return pricing;
  }

  /** basil's {@code parent} of an invoice: the subscription it bills, or null for a one-off invoice. */
  private static Map<String, Object> invoiceParent(Invoice invoice) {
    if (invoice.subscription() == null) {
      return null;
    }
    Map<String, Object> details = StripeObject.hash();
    details.put("metadata", null);
    details.put("subscription", invoice.subscription());
    Map<String, Object> parent = StripeObject.hash();
    parent.put("quote_details", null);
    parent.put("subscription_details", details);
    parent.put("type", "subscription_details");
    return parent;
  }

  /** basil's {@code parent} of a line: the subscription item it bills, or an invoice item. */
  private static Map<String, Object> lineParent(Invoice invoice, Invoice.Line line) {
    Map<String, Object> proration = StripeObject.hash();
    proration.put("credited_items", null);
    Map<String, Object> details = StripeObject.hash();
    details.put("invoice_item", null);
    details.put("proration", false);
    details.put("proration_details", proration);
    details.put("subscription", invoice.subscription());
    boolean ofItem = line.subscriptionItem() != null;
    if (ofItem) {
      details.put("subscription_item", line.subscriptionItem());
    }
    Map<String, Object> parent = StripeObject.hash();
    parent.put("invoice_item_details", ofItem ? null : details);
    parent.put("subscription_item_details", ofItem ? details : null);
    parent.put("type", ofItem ? "subscription_item_details" : "invoice_item_details");
    return parent;
  }

  private static Map<String, Object> statusTransitions(Invoice invoice) {
    Map<String, Object> transitions = StripeObject.hash();
    transitions.put("finalized_at", invoice.finalizedAt());
    transitions.put("marked_uncollectible_at", invoice.details().markedUncollectibleAt());
    transitions.put("paid_at", invoice.paidAt());
    transitions.put("voided_at", invoice.details().voidedAt());
    return transitions;
  }

  private static Map<String, Object> amount(Invoice.Amount amount) {
    Map<String, Object> map = StripeObject.hash();
    map.put("amount", amount.amount());
    map.put("discount", amount.discount());
    return map;
  }

  private static Map<String, Object> pretaxCredit(Invoice.Amount amount) {
    Map<String, Object> map = StripeObject.hash();
    map.put("amount", amount.amount());
    map.put("credit_balance_transaction", null);
    map.put("discount", amount.discount());
    map.put("type", "discount");
    return map;
  }
}

package dev.couponapi.wire;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.InvoiceMath;
import dev.couponapi.domain.Preview;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a preview as Stripe's Invoice (docs/api.md §6.4, the subset that carries discounts): lines
 * with what each discount took off, subtotal, total, total_discount_amounts. The line's price
 * renders as {@code price} before basil and as {@code pricing} from basil on.
 */
public final class InvoiceRenderer {

  private InvoiceRenderer() {}

  public static Map<String, Object> render(Preview preview, ApiVersion version, String id) {
    InvoiceMath.Result result = preview.result();
    List<Object> lines = new ArrayList<>();
    for (int i = 0; i < preview.lines().size(); i++) {
      lines.add(line(preview, preview.lines().get(i), result.lines().get(i), version, id, i));
    }
    Map<String, Object> lineList = new LinkedHashMap<>();
    lineList.put("object", "list");
    lineList.put("data", lines);
    lineList.put("has_more", false);
    lineList.put("url", "/v1/invoices/upcoming/lines");
    StripeObject invoice = StripeObject.of(id, "invoice")
        .put("amount_due", result.total())
        .put("amount_paid", 0L)
        .put("amount_remaining", result.total())
        .put("created", preview.created())
        .put("currency", preview.currency())
        .put("customer", preview.customer())
        .put("customer_account", null)
        .put("discounts", preview.discounts().stream().map(Discount::id).toList())
        .put("lines", lineList)
        .put("livemode", preview.livemode())
        .put("period_end", preview.periodEnd())
        .put("period_start", preview.periodStart())
        .put("status", "draft")
        .put("subtotal", result.subtotal())
        .put("subtotal_excluding_tax", result.subtotal())
        .put("total", result.total())
        .put("total_discount_amounts", amounts(result.totals()))
        .put("total_excluding_tax", result.total());
    if (version.invoiceHasSubscription()) {
      invoice.put("subscription", preview.subscription());
    }
    return invoice.toMap();
  }

  private static Map<String, Object> line(Preview preview, Preview.PreviewLine line,
      List<InvoiceMath.LineDiscount> taken, ApiVersion version, String invoiceId, int index) {
    String id = "il_" + invoiceId.substring("upcoming_in_".length()) + "_" + index;
    Map<String, Object> period = StripeObject.hash();
    period.put("end", preview.periodEnd());
    period.put("start", preview.periodStart());
    StripeObject object = StripeObject.of(id, "line_item")
        .put("amount", line.amount())
        .put("currency", preview.currency())
        .put("description", line.description())
        .put("discount_amounts", taken.stream().map(discount -> amount(discount.amount(), discount.discountId()))
            .toList())
        .put("discountable", line.discountable())
        .put("discounts", line.discounts().stream().map(Discount::id).toList())
        .put("livemode", preview.livemode())
        .put("metadata", Map.of())
        .put("period", period)
        .put("quantity", line.quantity())
        .put("quantity_decimal", Long.toString(line.quantity()))
        .put("subtotal", line.amount());
    String priceId = "price_inline_" + invoiceId.substring("upcoming_in_".length(), "upcoming_in_".length() + 14) + index;
    if (version.invoiceLineHasPricing()) {
      Map<String, Object> details = StripeObject.hash();
      details.put("price", priceId);
      details.put("product", line.product());
      Map<String, Object> pricing = StripeObject.hash();
      pricing.put("price_details", details);
      pricing.put("type", "price_details");
      pricing.put("unit_amount_decimal", Long.toString(line.unitAmount()));
      object.put("pricing", pricing);
    } else {
      StripeObject price = StripeObject.of(priceId, "price")
          .put("currency", preview.currency())
          .put("product", line.product())
          .put("unit_amount", line.unitAmount());
      if (line.interval() != null) {
        Map<String, Object> recurring = StripeObject.hash();
        recurring.put("interval", line.interval());
        recurring.put("interval_count", 1L);
        price.put("recurring", recurring);
      } else {
        price.put("recurring", null);
      }
      object.put("price", price.toMap());
    }
    return object.toMap();
  }

  private static List<Object> amounts(Map<String, Long> totals) {
    List<Object> amounts = new ArrayList<>();
    totals.forEach((discount, amount) -> amounts.add(amount(amount, discount)));
    return amounts;
  }

  private static Map<String, Object> amount(long amount, String discount) {
    Map<String, Object> map = StripeObject.hash();
    map.put("amount", amount);
    map.put("discount", discount);
    return map;
  }
}

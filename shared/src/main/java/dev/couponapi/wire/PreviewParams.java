package dev.couponapi.wire;

import dev.couponapi.api.Errors;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.DiscountRequest;
import dev.couponapi.domain.PreviewRequest;
import dev.couponapi.domain.SubscriptionDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The invoice preview's parameters (docs/api.md §6.1), the same for create_preview and upcoming. */
public final class PreviewParams {

  private static final ParamType PRICE_DATA = ParamType.fields(
      "currency", new ParamType.Currency(),
      "product", ParamType.text(Ids.MAX_ID_LENGTH),
      "unit_amount", ParamType.integer(0, CouponParams.MAX_AMOUNT),
      "recurring", ParamType.fields(
          "interval", new ParamType.Choice(Set.of("day", "week", "month", "year")),
          "interval_count", ParamType.integer(1, 365)));

  private static final ParamType INVOICE_ITEM = ParamType.fields(
      "amount", ParamType.integer(0, CouponParams.MAX_AMOUNT),
      "unit_amount", ParamType.integer(0, CouponParams.MAX_AMOUNT),
      "quantity", ParamType.integer(1, 1_000_000),
      "currency", new ParamType.Currency(),
      "description", ParamType.text(500),
      "discountable", new ParamType.Bool(),
      "discounts", DiscountParams.LIST,
      "price_data", ParamType.fields(
          "currency", new ParamType.Currency(),
          "product", ParamType.text(Ids.MAX_ID_LENGTH),
          "unit_amount", ParamType.integer(0, CouponParams.MAX_AMOUNT)));

  private static final Map<String, ParamType> ALL_VERSIONS = ParamType.declare(
      "customer", ParamType.text(Ids.MAX_ID_LENGTH),
      "subscription", ParamType.text(Ids.MAX_ID_LENGTH),
      "subscription_details", ParamType.fields("items", new ParamType.ListOf(ParamType.fields(
          "price_data", PRICE_DATA, "quantity", ParamType.integer(1, 1_000_000)), SubscriptionParams.MAX_ITEMS, false)),
      "invoice_items", new ParamType.ListOf(INVOICE_ITEM, 250, false),
      "discounts", DiscountParams.LIST,
      "currency", new ParamType.Currency());

  private PreviewParams() {}

  /** Before basil a preview also takes a single invoice-level {@code coupon}. */
  public static Map<String, ParamType> declared(ApiVersion version) {
    if (!version.takesSingularDiscountParams()) {
      return ALL_VERSIONS;
    }
    Map<String, ParamType> legacy = new LinkedHashMap<>(ALL_VERSIONS);
    legacy.put("coupon", ParamType.text(Ids.MAX_ID_LENGTH));
    return Map.copyOf(legacy);
  }

  public static PreviewRequest request(Params params) {
    List<DiscountRequest> discounts = DiscountParams.list(params, "discounts");
    String coupon = params.text("coupon");
    if (coupon != null && (discounts != null || params.isUnset("discounts"))) {
      throw Errors.exclusive("coupon", "discounts");
    }
    if (coupon != null) {
      discounts = List.of(DiscountRequest.coupon(coupon, "coupon"));
    }
    return new PreviewRequest(params.text("customer"), params.text("subscription"), subscriptionItems(params),
        invoiceItems(params), discounts, params.isUnset("discounts"), params.text("currency"));
  }

  private static List<SubscriptionDraft.Item> subscriptionItems(Params params) {
    Params details = params.object("subscription_details");
    List<Params> items = details == null ? null : details.list("items");
    List<SubscriptionDraft.Item> result = new ArrayList<>();
    if (items == null) {
      return result;
    }
    for (int i = 0; i < items.size(); i++) {
      String name = "subscription_details[items][" + i + "]";
      Params price = items.get(i).object("price_data");
      if (price == null || !price.has("currency") || !price.has("unit_amount") || !price.has("product")) {
        throw Errors.missing(name + "[price_data]");
      }
      Params recurring = price.object("recurring");
      Long quantity = items.get(i).integer("quantity");
      result.add(new SubscriptionDraft.Item(price.text("currency"), price.text("product"), price.integer("unit_amount"),
          recurring == null || recurring.text("interval") == null ? "month" : recurring.text("interval"),
          recurring == null || recurring.integer("interval_count") == null ? 1 : recurring.integer("interval_count"),
          quantity == null ? 1 : quantity, List.of()));
    }
    return result;
  }

  private static List<PreviewRequest.InvoiceItem> invoiceItems(Params params) {
    List<Params> items = params.list("invoice_items");
    List<PreviewRequest.InvoiceItem> result = new ArrayList<>();
    if (items == null) {
      return result;
    }
    for (int i = 0; i < items.size(); i++) {
      Params item = items.get(i);
      String name = "invoice_items[" + i + "]";
      Params price = item.object("price_data");
      Long unitAmount = item.integer("unit_amount") != null ? item.integer("unit_amount")
          : price == null ? null : price.integer("unit_amount");
      long quantity = item.integer("quantity") == null ? 1 : item.integer("quantity");
      Long amount = item.integer("amount");
      if (amount != null && unitAmount != null) {
        throw Errors.exclusive(name + "[amount]", name + "[unit_amount]");
      }
      if (amount == null && unitAmount == null) {
        throw Errors.missing(name + "[amount]");
      }
      String currency = item.text("currency") != null ? item.text("currency") : price == null ? null : price.text("currency");
      if (currency == null) {
        throw Errors.missing(name + "[currency]");
      }
      List<DiscountRequest> discounts = DiscountParams.list(item, "discounts");
      Boolean discountable = item.bool("discountable");
      result.add(new PreviewRequest.InvoiceItem(amount != null ? amount : Math.multiplyExact(unitAmount, quantity),
          amount != null ? amount : unitAmount, amount != null ? 1 : quantity, currency, item.text("description"),
          discountable == null || discountable, price == null ? null : price.text("product"),
          discounts == null ? List.of() : discounts));
    }
    return result;
  }
}

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

  private static final ParamType PRICE_DATA = SubscriptionParams.PRICE_DATA;

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

  private static final ParamType SUBSCRIPTION_ITEMS = new ParamType.ListOf(ParamType.fields(
      "price_data", PRICE_DATA, "quantity", ParamType.integer(1, 1_000_000)), SubscriptionParams.MAX_ITEMS, false);

  /** Before endive: {@code now}, {@code unchanged} or a timestamp (checked in {@link #billingCycleAnchor}). */
  private static final ParamType ANCHOR_AS_TEXT = ParamType.text(20);

  /** From endive: {@code [type]=now|unchanged|timestamp} and {@code [timestamp]}. */
  private static final ParamType ANCHOR_AS_OBJECT = ParamType.fields(
      "type", new ParamType.Choice(Set.of("now", "unchanged", "timestamp")),
      "timestamp", ParamType.integer(1, 99_999_999_999L));

  private PreviewParams() {}

  /**
   * The parameters of a version: before basil also a single invoice-level {@code coupon}; the
   * billing cycle anchor of {@code subscription_details} in its version's form.
   */
  public static Map<String, ParamType> declared(ApiVersion version) {
    Map<String, ParamType> declared = new LinkedHashMap<>(Map.of(
        "customer", ParamType.text(Ids.MAX_ID_LENGTH),
        "subscription", ParamType.text(Ids.MAX_ID_LENGTH),
        "subscription_details", ParamType.fields("items", SUBSCRIPTION_ITEMS,
            "billing_cycle_anchor", version.billingCycleAnchorIsObject() ? ANCHOR_AS_OBJECT : ANCHOR_AS_TEXT),
        "invoice_items", new ParamType.ListOf(INVOICE_ITEM, 250, false),
        "discounts", DiscountParams.LIST,
        "currency", new ParamType.Currency()));
    if (version.takesSingularDiscountParams()) {
      declared.put("coupon", ParamType.text(Ids.MAX_ID_LENGTH));
    }
    return Map.copyOf(declared);
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
        invoiceItems(params), discounts, params.isUnset("discounts"), params.text("currency"),
        billingCycleAnchor(params.object("subscription_details")));
  }

  /**
   * The timestamp the previewed period starts at, or null for now: {@code now} and {@code unchanged}
   * both start it now (docs/versions.md).
   */
  private static Long billingCycleAnchor(Params details) {
    if (details == null || !details.has("billing_cycle_anchor")) {
      return null;
    }
    String name = "subscription_details[billing_cycle_anchor]";
    Params object = details.object("billing_cycle_anchor");
    if (object != null) {
      String type = object.text("type");
      if (type == null) {
        throw Errors.missing(name + "[type]");
      }
      Long timestamp = object.integer("timestamp");
      if ("timestamp".equals(type) != (timestamp != null)) {
        throw "timestamp".equals(type) ? Errors.missing(name + "[timestamp]")
            : Errors.invalid(name + "[timestamp]", name + "[timestamp] goes with [type]=timestamp only.");
      }
      return timestamp;
    }
    String value = details.text("billing_cycle_anchor");
    if (value.equals("now") || value.equals("unchanged")) {
      return null;
    }
    if (!value.matches("[0-9]{1,11}")) {
      throw Errors.invalid(name, "Invalid " + name + ": must be now, unchanged or a timestamp.");
    }
    return Long.parseLong(value);
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

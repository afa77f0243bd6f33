package dev.couponapi.wire;

import dev.couponapi.api.Errors;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.DiscountRequest;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.SubscriptionDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The subscription endpoints' parameters by version (docs/api.md §5.2, §4.3). */
public final class SubscriptionParams {

  public static final int MAX_ITEMS = 20;

  private static final ParamType ITEM = ParamType.fields(
      "price_data", ParamType.fields(
          "currency", new ParamType.Currency(),
          "product", ParamType.text(Ids.MAX_ID_LENGTH),
          "unit_amount", ParamType.integer(0, CouponParams.MAX_AMOUNT),
          "recurring", ParamType.fields(
              "interval", new ParamType.Choice(Set.of("day", "week", "month", "year")),
              "interval_count", ParamType.integer(1, 365))),
      "quantity", ParamType.integer(1, 1_000_000),
      "discounts", DiscountParams.LIST);

  private static final Map<String, ParamType> CREATE = ParamType.declare(
      "customer", ParamType.text(Ids.MAX_ID_LENGTH),
      "items", new ParamType.ListOf(ITEM, MAX_ITEMS, false),
      "discounts", DiscountParams.LIST,
      "metadata", new ParamType.Metadata());

  private static final Map<String, ParamType> UPDATE = ParamType.declare(
      "discounts", DiscountParams.LIST,
      "metadata", new ParamType.Metadata());

  /** Before endive: {@code billing_cycle_anchor=now|unchanged}. */
  private static final Map<String, ParamType> ANCHOR_AS_TEXT = ParamType.declare(
      "billing_cycle_anchor", new ParamType.Choice(Set.of("now", "unchanged")));

  /** From endive: {@code billing_cycle_anchor[type]=now|unchanged}. */
  private static final Map<String, ParamType> ANCHOR_AS_OBJECT = ParamType.declare(
      "billing_cycle_anchor", ParamType.fields("type", new ParamType.Choice(Set.of("now", "unchanged"))));

  private static final Map<String, ParamType> LEGACY_DISCOUNT = ParamType.declare(
      "coupon", ParamType.text(Ids.MAX_ID_LENGTH),
      "promotion_code", ParamType.text(Ids.MAX_ID_LENGTH));

  public static final Map<String, ParamType> LIST = ListParams.with(ParamType.declare(
      "customer", ParamType.text(Ids.MAX_ID_LENGTH),
      "status", new ParamType.Choice(Set.of("active", "canceled", "all"))));

  private SubscriptionParams() {}

  /** Before basil, subscriptions also take the single {@code coupon} / {@code promotion_code}. */
  public static Map<String, ParamType> create(ApiVersion version) {
    return version.takesSingularDiscountParams() ? with(CREATE, LEGACY_DISCOUNT) : CREATE;
  }

  public static Map<String, ParamType> update(ApiVersion version) {
    Map<String, ParamType> update = with(UPDATE, version.billingCycleAnchorIsObject() ? ANCHOR_AS_OBJECT : ANCHOR_AS_TEXT);
    return version.takesSingularDiscountParams() ? with(update, LEGACY_DISCOUNT) : update;
  }


  public static SubscriptionDraft draft(Params params) {
    String customer = params.text("customer");
    if (customer == null) {
      throw Errors.missing("customer");
    }
    List<Params> items = params.list("items");
    if (items == null || items.isEmpty()) {
      throw Errors.missing("items");
    }
    List<SubscriptionDraft.Item> drafts = new ArrayList<>();
    String currency = null;
    for (int i = 0; i < items.size(); i++) {
      Params item = items.get(i);
      String name = "items[" + i + "]";
      Params price = item.object("price_data");
      if (price == null) {
        throw Errors.missing(name + "[price_data]");
      }
      for (String required : List.of("currency", "product", "unit_amount", "recurring")) {
        if (!price.has(required)) {
          throw Errors.missing(name + "[price_data][" + required + "]");
        }
      }
      Params recurring = price.object("recurring");
      if (recurring.text("interval") == null) {
        throw Errors.missing(name + "[price_data][recurring][interval]");
      }
      if (currency != null && !currency.equals(price.text("currency"))) {
        throw Errors.invalid(name + "[price_data][currency]", "All items of a subscription must have the same currency.");
      }
      currency = price.text("currency");
      Long count = recurring.integer("interval_count");
      Long quantity = item.integer("quantity");
      List<DiscountRequest> discounts = DiscountParams.list(item, "discounts");
      drafts.add(new SubscriptionDraft.Item(currency, price.text("product"), price.integer("unit_amount"),
          recurring.text("interval"), count == null ? 1 : count, quantity == null ? 1 : quantity,
          discounts == null ? List.of() : discounts));
    }
    DiscountRequest single = DiscountParams.single(params);
    List<DiscountRequest> discounts = DiscountParams.list(params, "discounts");
    if (single != null && (discounts != null || params.isUnset("discounts"))) {
      throw Errors.exclusive(single.param(), "discounts");
    }
    int asked = (single != null ? 1 : discounts == null ? 0 : discounts.size())
        + drafts.stream().mapToInt(draft -> draft.discounts().size()).sum();
    if (asked > DiscountParams.MAX_DISCOUNTS) {
      throw Errors.tooManyDiscounts("discounts", DiscountParams.MAX_DISCOUNTS, asked);
    }
    MetadataChange metadata = params.metadata("metadata");
    return new SubscriptionDraft(customer, drafts, discounts, single,
        metadata == null ? Map.of() : metadata.applyTo(Map.of()));
  }

  public static SubscriptionDraft.Changes changes(Params params) {
    DiscountRequest single = DiscountParams.single(params);
    List<DiscountRequest> discounts = DiscountParams.list(params, "discounts");
    boolean remove = params.isUnset("discounts");
    if (single != null && (discounts != null || remove)) {
      throw Errors.exclusive(single.param(), "discounts");
    }
    MetadataChange metadata = params.metadata("metadata");
    return new SubscriptionDraft.Changes(discounts, remove, single, metadata == null ? MetadataChange.NONE : metadata,
        "now".equals(anchorType(params)));
  }

  /** {@code billing_cycle_anchor}'s value, in either form; null when not sent. */
  private static String anchorType(Params params) {
    Params object = params.object("billing_cycle_anchor");
    if (object == null) {
      return params.text("billing_cycle_anchor");
    }
    if (object.text("type") == null) {
      throw Errors.missing("billing_cycle_anchor[type]");
    }
    return object.text("type");
  }

  private static Map<String, ParamType> with(Map<String, ParamType> base, Map<String, ParamType> more) {
    Map<String, ParamType> all = new LinkedHashMap<>(base);
    all.putAll(more);
    return Map.copyOf(all);
  }
}

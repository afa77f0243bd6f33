package dev.couponapi.wire;

import dev.couponapi.api.Errors;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.DiscountRequest;
import dev.couponapi.domain.InvoiceItemDraft;
import dev.couponapi.domain.SubscriptionItemDraft;
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

  /** A recurring inline price ({@code price_data}), as items, previews and subscription items take it. */
  static final ParamType PRICE_DATA = ParamType.fields(
      "currency", new ParamType.Currency(),
      "product", ParamType.text(Ids.MAX_ID_LENGTH),
      "unit_amount", ParamType.integer(0, CouponParams.MAX_AMOUNT),
      "recurring", ParamType.fields(
          "interval", new ParamType.Choice(Set.of("day", "week", "month", "year")),
          "interval_count", ParamType.integer(1, 365)));

  private static final ParamType ITEM = ParamType.fields(
      "price_data", PRICE_DATA,
      "quantity", ParamType.integer(1, 1_000_000),
      "discounts", DiscountParams.LIST);

  /** An item of {@code items[]} on update: an existing one ({@code id}) changed or deleted, or a new one. */
  private static final ParamType ITEM_CHANGE = ParamType.fields(
      "id", ParamType.text(Ids.MAX_ID_LENGTH),
      "price_data", PRICE_DATA,
      "quantity", ParamType.integer(1, 1_000_000),
      "discounts", DiscountParams.LIST,
      "metadata", new ParamType.Metadata(),
      "deleted", new ParamType.Bool());

  /** One-off prices billed on the next invoice ({@code add_invoice_items[]}). */
  private static final ParamType ADD_INVOICE_ITEM = ParamType.fields(
      "price_data", ParamType.fields(
          "currency", new ParamType.Currency(),
          "product", ParamType.text(Ids.MAX_ID_LENGTH),
          "unit_amount", ParamType.integer(0, CouponParams.MAX_AMOUNT)),
      "quantity", ParamType.integer(1, 1_000_000),
      "discounts", DiscountParams.LIST);

  private static final Map<String, ParamType> CREATE = ParamType.declare(
      "customer", ParamType.text(Ids.MAX_ID_LENGTH),
      "items", new ParamType.ListOf(ITEM, MAX_ITEMS, false),
      "add_invoice_items", new ParamType.ListOf(ADD_INVOICE_ITEM, MAX_ITEMS, false),
      "discounts", DiscountParams.LIST,
      "metadata", new ParamType.Metadata());

  private static final Map<String, ParamType> UPDATE = ParamType.declare(
      "discounts", DiscountParams.LIST,
      "items", new ParamType.ListOf(ITEM_CHANGE, MAX_ITEMS, false),
      "add_invoice_items", new ParamType.ListOf(ADD_INVOICE_ITEM, MAX_ITEMS, false),
      "proration_behavior", new ParamType.Choice(Set.of("create_prorations", "none", "always_invoice")),
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
    String interval = null;
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
      String period = recurring.text("interval") + "/" + (count == null ? 1 : count);
      if (interval != null && !interval.equals(period)) {
        // one billing period for the whole subscription, as Stripe requires
        throw Errors.invalid(name + "[price_data][recurring]",
            "All prices on a subscription must have the same `recurring.interval` and `recurring.interval_count`.");
      }
      interval = period;
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
        metadata == null ? Map.of() : metadata.applyTo(Map.of()), addInvoiceItems(params));
  }

  /** {@code add_invoice_items[n]}: inline one-off prices with their quantity and discounts. */
  private static List<InvoiceItemDraft> addInvoiceItems(Params params) {
    List<Params> elements = params.list("add_invoice_items");
    List<InvoiceItemDraft> drafts = new ArrayList<>();
    for (int i = 0; elements != null && i < elements.size(); i++) {
      Params element = elements.get(i);
      String name = "add_invoice_items[" + i + "]";
      Params price = element.object("price_data");
      if (price == null) {
        throw Errors.missing(name + "[price_data]");
      }
      for (String required : List.of("currency", "product", "unit_amount")) {
        if (!price.has(required)) {
          throw Errors.missing(name + "[price_data][" + required + "]");
        }
      }
      Long quantity = element.integer("quantity");
      List<DiscountRequest> discounts = DiscountParams.list(element, "discounts");
      drafts.add(new InvoiceItemDraft(null, price.text("currency"), price.integer("unit_amount"),
          quantity == null ? 1 : quantity, null, price.text("product"), true,
          discounts == null ? List.of() : discounts, Map.of(), null));
    }
    return drafts;
  }

  /** {@code items[n]} on update: each an existing item changed or deleted, or a new one. */
  private static List<SubscriptionDraft.ItemChange> itemChanges(Params params) {
    List<Params> elements = params.list("items");
    List<SubscriptionDraft.ItemChange> changes = new ArrayList<>();
    for (int i = 0; elements != null && i < elements.size(); i++) {
      Params element = elements.get(i);
      String name = "items[" + i + "]";
      boolean deleted = Boolean.TRUE.equals(element.bool("deleted"));
      if (element.text("id") == null && (deleted || !element.has("price_data"))) {
        throw Errors.missing(name + (deleted ? "[id]" : "[price_data]"));
      }
      SubscriptionItemDraft.Price price = null;
      if (element.has("price_data")) {
        Params data = element.object("price_data");
        for (String required : List.of("currency", "product", "unit_amount", "recurring")) {
          if (!data.has(required)) {
            throw Errors.missing(name + "[price_data][" + required + "]");
          }
        }
        Params recurring = data.object("recurring");
        if (recurring.text("interval") == null) {
          throw Errors.missing(name + "[price_data][recurring][interval]");
        }
        Long count = recurring.integer("interval_count");
        price = new SubscriptionItemDraft.Price(data.text("currency"), data.text("product"),
            data.integer("unit_amount"), recurring.text("interval"), count == null ? 1 : count);
      }
      List<DiscountRequest> discounts = DiscountParams.list(element, "discounts");
      if (discounts == null && element.isUnset("discounts")) {
        discounts = List.of();
      }
      MetadataChange metadata = element.metadata("metadata");
      changes.add(new SubscriptionDraft.ItemChange(name, element.text("id"), price, element.integer("quantity"),
          discounts, deleted, metadata == null ? MetadataChange.NONE : metadata));
    }
    return changes;
  }

  public static SubscriptionDraft.Changes changes(Params params) {
    DiscountRequest single = DiscountParams.single(params);
    List<DiscountRequest> discounts = DiscountParams.list(params, "discounts");
    boolean remove = params.isUnset("discounts");
    if (single != null && (discounts != null || remove)) {
      throw Errors.exclusive(single.param(), "discounts");
    }
    MetadataChange metadata = params.metadata("metadata");
    List<SubscriptionDraft.ItemChange> items = itemChanges(params);
    List<InvoiceItemDraft> added = addInvoiceItems(params);
    String itemsParam = items.isEmpty() ? "add_invoice_items" : "items";
    if ((!items.isEmpty() || !added.isEmpty()) && (discounts != null || remove || single != null)) {
      // one write each; DECISION (docs/api.md §7.4): items and discounts are changed by separate requests
      throw Errors.exclusive(itemsParam, "discounts");
    }
    if ((!items.isEmpty() || !added.isEmpty()) && params.has("billing_cycle_anchor")) {
      throw Errors.exclusive(itemsParam, "billing_cycle_anchor");
    }
    return new SubscriptionDraft.Changes(discounts, remove, single, metadata == null ? MetadataChange.NONE : metadata,
        "now".equals(anchorType(params)), items, added);
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

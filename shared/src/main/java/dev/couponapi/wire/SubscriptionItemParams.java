package dev.couponapi.wire;

import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.DiscountRequest;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.SubscriptionItemDraft;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subscription item endpoints' parameters (docs/api.md §7.4). {@code proration_behavior} is
 * taken and has no effect: nothing is prorated here (DECISION, docs/api.md §7.4).
 */
public final class SubscriptionItemParams {

  private static final ParamType PRICE = SubscriptionParams.PRICE_DATA;
  private static final ParamType PRORATION = new ParamType.Choice(Set.of("create_prorations", "none",
      "always_invoice"));

  public static final Map<String, ParamType> CREATE = ParamType.declare(
      "subscription", ParamType.text(Ids.MAX_ID_LENGTH),
      "price_data", PRICE,
      "quantity", ParamType.integer(1, 1_000_000),
      "discounts", DiscountParams.LIST,
      "metadata", new ParamType.Metadata(),
      "proration_behavior", PRORATION);

  public static final Map<String, ParamType> UPDATE = ParamType.declare(
      "price_data", PRICE,
      "quantity", ParamType.integer(1, 1_000_000),
      "discounts", DiscountParams.LIST,
      "metadata", new ParamType.Metadata(),
      "proration_behavior", PRORATION);

  public static final Map<String, ParamType> DELETE = ParamType.declare("proration_behavior", PRORATION);

  public static final Map<String, ParamType> LIST = ListParams.with(ParamType.declare(
      "subscription", ParamType.text(Ids.MAX_ID_LENGTH)));

  private SubscriptionItemParams() {}

  public static SubscriptionItemDraft create(Params params) {
    if (params.text("subscription") == null) {
      throw Errors.missing("subscription");
    }
    if (!params.has("price_data")) {
      throw Errors.missing("price_data");
    }
    return draft(params, params.text("subscription"));
  }

  public static SubscriptionItemDraft update(Params params) {
    return draft(params, null);
  }

  private static SubscriptionItemDraft draft(Params params, String subscription) {
    SubscriptionItemDraft.Price price = null;
    if (params.has("price_data")) {
      Params data = params.object("price_data");
      for (String required : List.of("currency", "product", "unit_amount", "recurring")) {
        if (!data.has(required)) {
          throw Errors.missing("price_data[" + required + "]");
        }
      }
      Params recurring = data.object("recurring");
      if (recurring.text("interval") == null) {
        throw Errors.missing("price_data[recurring][interval]");
      }
      Long count = recurring.integer("interval_count");
      price = new SubscriptionItemDraft.Price(data.text("currency"), data.text("product"), data.integer("unit_amount"),
          recurring.text("interval"), count == null ? 1 : count);
    }
    List<DiscountRequest> discounts = DiscountParams.list(params, "discounts");
    if (discounts == null && params.isUnset("discounts")) {
      discounts = List.of();
    }
    MetadataChange metadata = params.metadata("metadata");
    return new SubscriptionItemDraft(subscription, price, params.integer("quantity"), discounts,
        metadata == null ? MetadataChange.NONE : metadata);
  }
}

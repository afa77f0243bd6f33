package dev.couponapi.http;

import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Subscription;
import dev.couponapi.service.SubscriptionItemService;
import dev.couponapi.wire.ListParams;
import dev.couponapi.wire.StripeObject;
import dev.couponapi.wire.SubscriptionItemParams;
import dev.couponapi.wire.SubscriptionRenderer;
import java.util.List;

/**
 * The subscription item routes (docs/api.md §7.4). Items live inside their subscription, so their
 * changes are the subscription's events ({@code customer.subscription.updated}).
 */
public final class SubscriptionItemResource implements Resource {

  static final String URL = "/v1/subscription_items";
  private static final String ONE = URL + "/{item}";

  private final SubscriptionItemService items;

  public SubscriptionItemResource(SubscriptionItemService items) {
    this.items = items;
  }

  @Override
  public Permissions.Group group() {
    return Permissions.Group.SUBSCRIPTIONS;
  }

  @Override
  public List<Operation> operations() {
    return List.of(create(), retrieve(), update(), delete(), list());
  }

  public Operation create() {
    return Operation.post("CreateSubscriptionItemFunction", URL, "subscription_items.create")
        .params(SubscriptionItemParams.CREATE)
        .run(call -> render(call, items.create(call.change(), SubscriptionItemParams.create(call.params()))));
  }

  public Operation retrieve() {
    return Operation.get("RetrieveSubscriptionItemFunction", ONE, "subscription_items.retrieve")
        .run(call -> render(call, items.retrieve(call.tenant(), call.id())));
  }

  public Operation update() {
    return Operation.post("UpdateSubscriptionItemFunction", ONE, "subscription_items.update")
        .params(SubscriptionItemParams.UPDATE)
        .run(call -> render(call, items.update(call.change(), call.id(), SubscriptionItemParams.update(call.params()))));
  }

  /** {@code {id, object: "subscription_item", deleted: true}}. */
  public Operation delete() {
    return Operation.delete("DeleteSubscriptionItemFunction", ONE, "subscription_items.delete")
        .params(SubscriptionItemParams.DELETE).run(call -> {
          items.delete(call.change(), call.id());
          return StripeObject.of(call.id(), "subscription_item").put("deleted", true).toMap();
        });
  }

  /** A subscription's items (at most 20: one page). */
  public Operation list() {
    return Operation.get("ListSubscriptionItemsFunction", URL, "subscription_items.list")
        .params(SubscriptionItemParams.LIST).run(call -> {
          Subscription owner = items.itemsOf(call.tenant(), call.params().text("subscription"));
          return ListParams.envelope(owner.items(), false, URL,
              item -> SubscriptionRenderer.item(owner, item, call.now(), call.version()));
        });
  }

  private static Object render(Call call, SubscriptionItemService.Placed placed) {
    return SubscriptionRenderer.item(placed.subscription(), placed.item(), call.now(), call.version());
  }
}

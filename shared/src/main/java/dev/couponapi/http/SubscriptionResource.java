package dev.couponapi.http;

import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Subscription;
import dev.couponapi.store.Snapshots;
import dev.couponapi.service.DiscountService;
import dev.couponapi.service.HolderView;
import dev.couponapi.service.SubscriptionService;
import dev.couponapi.wire.DiscountRenderer;
import dev.couponapi.wire.ListParams;
import dev.couponapi.wire.SubscriptionParams;
import dev.couponapi.wire.SubscriptionRenderer;
import java.util.List;
import java.util.Set;

/** The subscription routes (docs/api.md §5.2) and the removal of its discounts (§4.6). */
public final class SubscriptionResource implements Resource {

  static final String URL = "/v1/subscriptions";
  private static final String ONE = URL + "/{subscription_exposed_id}";

  private final SubscriptionService subscriptions;
  private final DiscountService discounts;

  public SubscriptionResource(SubscriptionService subscriptions, DiscountService discounts) {
    this.subscriptions = subscriptions;
    this.discounts = discounts;
  }

  @Override
  public Permissions.Group group() {
    return Permissions.Group.SUBSCRIPTIONS;
  }

  @Override
  public List<Operation> operations() {
    return List.of(create(), retrieve(), update(), cancel(), list(), deleteDiscount());
  }

  /** Its events carry the subscription with the coupons of its discounts: {@code customer.subscription.*}. */
  @Override
  public List<EventKind<?>> events() {
    return List.of(EventKind.of(Snapshots.SUBSCRIPTION, (of, version, at) -> SubscriptionRenderer.render(
        of.subscription(), version, at, discount -> of.coupons().get(discount.couponRev()), Set.of()),
        Subscription.CREATED, Subscription.UPDATED, Subscription.DELETED));
  }

  public Operation create() {
    return Operation.post("CreateSubscriptionFunction", URL, "subscriptions.create")
        .params(SubscriptionParams::create).expand(SubscriptionRenderer::expandable)
        .run(call -> subscriptions.create(call.change(), SubscriptionParams.draft(call.params())),
            SubscriptionResource::render);
  }

  public Operation retrieve() {
    return Operation.get("RetrieveSubscriptionFunction", ONE, "subscriptions.retrieve")
        .expand(SubscriptionRenderer::expandable)
        .run(call -> render(call, subscriptions.retrieve(call.tenant(), call.id())));
  }

  public Operation update() {
    return Operation.post("UpdateSubscriptionFunction", ONE, "subscriptions.update")
        .params(SubscriptionParams::update).expand(SubscriptionRenderer::expandable)
        .run(call -> render(call, subscriptions.update(call.change(), call.id(),
            SubscriptionParams.changes(call.params()))));
  }

  /** {@code DELETE /v1/subscriptions/{id}}: cancels it. */
  public Operation cancel() {
    return Operation.delete("CancelSubscriptionFunction", ONE, "subscriptions.cancel")
        .expand(SubscriptionRenderer::expandable)
        .run(call -> render(call, subscriptions.cancel(call.change(), call.id())));
  }

  public Operation list() {
    return Operation.get("ListSubscriptionsFunction", URL, "subscriptions.list").params(SubscriptionParams.LIST)
        .expandEach(SubscriptionRenderer::expandable)
        .run(call -> ListParams.envelope(subscriptions.list(call.tenant(), call.params().text("customer"),
            call.params().text("status"), ListParams.request(call.params())), URL,
            subscription -> render(call, subscription)));
  }

  /** {@code DELETE /v1/subscriptions/{id}/discount}: the removed discount as a DeletedDiscount. */
  public Operation deleteDiscount() {
    return Operation.delete("DeleteSubscriptionDiscountFunction", ONE + "/discount", "subscriptions.delete_discount")
        .expand(DiscountRenderer::expandable)
        .run(call -> DiscountRenderer.renderDeleted(subscriptions.deleteDiscount(call.change(), call.id()),
            call.version(), call.now(), discounts.lookup(call.tenant())::of, call.expand()));
  }

  private Object render(Call call, Subscription subscription) {
    return render(call, new HolderView<>(subscription, discounts.lookup(call.tenant())::of));
  }

  private static Object render(Call call, HolderView<Subscription> view) {
    return SubscriptionRenderer.render(view.holder(), call.version(), call.now(), view.coupons(), call.expand());
  }
}

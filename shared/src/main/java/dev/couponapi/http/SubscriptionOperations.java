package dev.couponapi.http;

import dev.couponapi.domain.Subscription;
import dev.couponapi.service.DiscountService;
import dev.couponapi.service.HolderView;
import dev.couponapi.service.SubscriptionService;
import dev.couponapi.wire.DiscountRenderer;
import dev.couponapi.wire.ListParams;
import dev.couponapi.wire.SubscriptionParams;
import dev.couponapi.wire.SubscriptionRenderer;
import java.util.List;

/** The subscription routes (docs/api.md §5.2) and the removal of its discounts (§4.6). */
public final class SubscriptionOperations {

  static final String URL = "/v1/subscriptions";
  private static final String ONE = URL + "/{subscription_exposed_id}";

  private final SubscriptionService subscriptions;
  private final DiscountService discounts;

  public SubscriptionOperations(SubscriptionService subscriptions, DiscountService discounts) {
    this.subscriptions = subscriptions;
    this.discounts = discounts;
  }

  public List<Operation> all() {
    return List.of(create(), retrieve(), update(), cancel(), list(), deleteDiscount());
  }

  public Operation create() {
    return Operation.post("CreateSubscriptionFunction", URL, "subscriptions.create")
        .params(SubscriptionParams::create).expand(SubscriptionRenderer::expandable).run(call -> {
          HolderView<Subscription> subscription = subscriptions.create(call.tenant(), call.version(), call.now(),
              SubscriptionParams.draft(call.params()), call.origin(),
              created -> call.idempotency().rideAlongFor(render(call, created)));
          return render(call, subscription);
        });
  }

  public Operation retrieve() {
    return Operation.get("RetrieveSubscriptionFunction", ONE, "subscriptions.retrieve")
        .expand(SubscriptionRenderer::expandable)
        .run(call -> render(call, subscriptions.retrieve(call.tenant(), call.id())));
  }

  public Operation update() {
    return Operation.post("UpdateSubscriptionFunction", ONE, "subscriptions.update")
        .params(SubscriptionParams::update).expand(SubscriptionRenderer::expandable)
        .run(call -> render(call, subscriptions.update(call.tenant(), call.version(), call.now(), call.id(),
            SubscriptionParams.changes(call.params()), call.origin(), call.idempotency().commitMark(),
            call.idempotency().alreadyWritten())));
  }

  /** {@code DELETE /v1/subscriptions/{id}}: cancels it. */
  public Operation cancel() {
    return Operation.delete("CancelSubscriptionFunction", ONE, "subscriptions.cancel")
        .expand(SubscriptionRenderer::expandable)
        .run(call -> render(call, subscriptions.cancel(call.tenant(), call.id(), call.now(), call.origin())));
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
        .run(call -> DiscountRenderer.renderDeleted(subscriptions.deleteDiscount(call.tenant(), call.id(), call.now(), call.origin()),
            call.version(), call.now(), discounts.lookup(call.tenant())::of, call.expand()));
  }

  private Object render(Call call, Subscription subscription) {
    return render(call, new HolderView<>(subscription, discounts.lookup(call.tenant())::of));
  }

  private static Object render(Call call, HolderView<Subscription> view) {
    return SubscriptionRenderer.render(view.holder(), call.version(), call.now(), view.coupons(), call.expand());
  }
}

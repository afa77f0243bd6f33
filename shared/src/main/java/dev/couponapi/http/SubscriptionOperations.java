package dev.couponapi.http;

import dev.couponapi.domain.Page;
import dev.couponapi.domain.Subscription;
import dev.couponapi.service.HolderView;
import dev.couponapi.service.SubscriptionService;
import dev.couponapi.wire.DiscountRenderer;
import dev.couponapi.wire.ListParams;
import dev.couponapi.wire.SubscriptionParams;
import dev.couponapi.wire.SubscriptionRenderer;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The subscription operations (spec §5.2) and the removal of its discounts (spec §4.6). */
public final class SubscriptionOperations {

  static final String PATH_ID = "subscription_exposed_id";
  static final String URL = "/v1/subscriptions";

  private final SubscriptionService subscriptions;
  private final DiscountHolderRendering rendering;

  public SubscriptionOperations(SubscriptionService subscriptions, DiscountHolderRendering rendering) {
    this.subscriptions = subscriptions;
    this.rendering = rendering;
  }

  public Operation create() {
    return Operations.of("subscriptions.create", "POST", SubscriptionParams::create, SubscriptionParams::expandable,
        call -> {
          // the response is known before the write: its idempotency record commits with the subscription
          HolderView<Subscription> subscription = subscriptions.create(call.tenant(), call.version(),
              SubscriptionParams.draft(call.params()),
              created -> call.idempotency().rideAlongFor(render(call, created, call.expand())));
          return render(call, subscription, call.expand());
        });
  }

  public Operation retrieve() {
    return Operations.of("subscriptions.retrieve", "GET", version -> Map.of(), SubscriptionParams::expandable,
        call -> render(call, subscriptions.retrieve(call.tenant(), call.pathParameter(PATH_ID)), call.expand()));
  }

  public Operation update() {
    return Operations.of("subscriptions.update", "POST", SubscriptionParams::update, SubscriptionParams::expandable,
        call -> render(call, subscriptions.update(call.tenant(), call.version(), call.pathParameter(PATH_ID),
            SubscriptionParams.changes(call.params())), call.expand()));
  }

  /** {@code DELETE /v1/subscriptions/{id}}: cancels it. */
  public Operation cancel() {
    return Operations.of("subscriptions.cancel", "DELETE", version -> Map.of(), SubscriptionParams::expandable,
        call -> render(call, subscriptions.cancel(call.tenant(), call.pathParameter(PATH_ID)), call.expand()));
  }

  public Operation list() {
    return Operations.of("subscriptions.list", "GET", version -> SubscriptionParams.LIST,
        version -> SubscriptionParams.expandable(version).stream().map(path -> "data." + path)
            .collect(Collectors.toUnmodifiableSet()),
        call -> {
          Page<Subscription> page = subscriptions.list(call.tenant(), call.params().text("customer"),
              call.params().text("status"), ListParams.request(call.params()));
          Set<String> expand = call.expand().stream().map(path -> path.substring("data.".length()))
              .collect(Collectors.toUnmodifiableSet());
          return ListParams.envelope(page.items(), page.hasMore(), URL, subscription -> render(call, subscription,
              expand));
        });
  }

  /** {@code DELETE /v1/subscriptions/{id}/discount}: the removed discount as a DeletedDiscount. */
  public Operation deleteDiscount() {
    return Operations.of("subscriptions.delete_discount", "DELETE", version -> Map.of(),
        CustomerOperations::discountExpand,
        call -> DiscountRenderer.renderDeleted(subscriptions.deleteDiscount(call.tenant(), call.pathParameter(PATH_ID)),
            call.version(), subscriptions.now(), rendering.couponsOf(call.tenant()), call.expand()));
  }

  private Object render(Call call, Subscription subscription, Set<String> expand) {
    return render(call, new HolderView<>(subscription, rendering.couponsOf(call.tenant())), expand);
  }

  private Object render(Call call, HolderView<Subscription> view, Set<String> expand) {
    return SubscriptionRenderer.render(view.holder(), call.version(), subscriptions.now(), view.coupons(), expand);
  }
}

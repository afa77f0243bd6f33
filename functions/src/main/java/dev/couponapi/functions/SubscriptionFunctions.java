package dev.couponapi.functions;

import dev.couponapi.app.App;

/**
 * The subscription routes (docs/api.md §5.2, §4.6): one handler per operation, each named after its function in template.yaml
 * ({@code CreateCouponFunction} → {@code CouponFunctions$CreateCoupon}), with Lambda's constructor and
 * one taking an {@link App} for tests.
 */
public final class SubscriptionFunctions {

  private SubscriptionFunctions() {}

  /** Creates a subscription, redeeming its discounts (docs/api.md §5.2, §4.3). */
  public static final class CreateSubscription extends ApiFunction {
    public CreateSubscription() { super(App.fromEnvironment()); }
    public CreateSubscription(App app) { super(app); }
  }

  /** Retrieves a subscription (docs/api.md §5.2). */
  public static final class RetrieveSubscription extends ApiFunction {
    public RetrieveSubscription() { super(App.fromEnvironment()); }
    public RetrieveSubscription(App app) { super(app); }
  }

  /** Updates a subscription's discounts or metadata (docs/api.md §5.2, §4.3). */
  public static final class UpdateSubscription extends ApiFunction {
    public UpdateSubscription() { super(App.fromEnvironment()); }
    public UpdateSubscription(App app) { super(app); }
  }

  /** Cancels a subscription (docs/api.md §5.2). */
  public static final class CancelSubscription extends ApiFunction {
    public CancelSubscription() { super(App.fromEnvironment()); }
    public CancelSubscription(App app) { super(app); }
  }

  /** Lists subscriptions (docs/api.md §5.2). */
  public static final class ListSubscriptions extends ApiFunction {
    public ListSubscriptions() { super(App.fromEnvironment()); }
    public ListSubscriptions(App app) { super(app); }
  }

  /** Removes a subscription's discounts (docs/api.md §4.6). */
  public static final class DeleteSubscriptionDiscount extends ApiFunction {
    public DeleteSubscriptionDiscount() { super(App.fromEnvironment()); }
    public DeleteSubscriptionDiscount(App app) { super(app); }
  }
}

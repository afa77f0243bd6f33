package dev.couponapi.functions;

import dev.couponapi.app.App;

/**
 * The subscription item routes (docs/api.md §7.4): one handler per operation, each named after its
 * function in template.yaml, with Lambda's constructor and one taking an {@link App} for tests.
 */
public final class SubscriptionItemFunctions {

  private SubscriptionItemFunctions() {}

  /** Adds an item to a subscription: `POST /v1/subscription_items`. */
  public static final class CreateSubscriptionItem extends ApiFunction {
    public CreateSubscriptionItem() { super(App.fromEnvironment()); }
    public CreateSubscriptionItem(App app) { super(app); }
  }

  /** A subscription item: `GET /v1/subscription_items/{item}`. */
  public static final class RetrieveSubscriptionItem extends ApiFunction {
    public RetrieveSubscriptionItem() { super(App.fromEnvironment()); }
    public RetrieveSubscriptionItem(App app) { super(app); }
  }

  /** Changes a subscription item: `POST /v1/subscription_items/{item}`. */
  public static final class UpdateSubscriptionItem extends ApiFunction {
    public UpdateSubscriptionItem() { super(App.fromEnvironment()); }
    public UpdateSubscriptionItem(App app) { super(app); }
  }

  /** Removes a subscription item: `DELETE /v1/subscription_items/{item}`. */
  public static final class DeleteSubscriptionItem extends ApiFunction {
    public DeleteSubscriptionItem() { super(App.fromEnvironment()); }
    public DeleteSubscriptionItem(App app) { super(app); }
  }

  /** A subscription's items: `GET /v1/subscription_items?subscription=…`. */
  public static final class ListSubscriptionItems extends ApiFunction {
    public ListSubscriptionItems() { super(App.fromEnvironment()); }
    public ListSubscriptionItems(App app) { super(app); }
  }
}

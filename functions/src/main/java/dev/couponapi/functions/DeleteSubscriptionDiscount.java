package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Removes a subscription's discounts (docs/api.md §4.6). */
public final class DeleteSubscriptionDiscount extends ApiFunction {

  public DeleteSubscriptionDiscount() {
    this(App.fromEnvironment());
  }

  public DeleteSubscriptionDiscount(App app) {
    super(app);
  }
}

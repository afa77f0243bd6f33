package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Updates a subscription's discounts or metadata (docs/api.md §5.2, §4.3). */
public final class UpdateSubscription extends ApiFunction {

  public UpdateSubscription() {
    this(App.fromEnvironment());
  }

  public UpdateSubscription(App app) {
    super(app);
  }
}

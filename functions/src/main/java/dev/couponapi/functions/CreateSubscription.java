package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Creates a subscription, redeeming its discounts (docs/api.md §5.2, §4.3). */
public final class CreateSubscription extends ApiFunction {

  public CreateSubscription() {
    this(App.fromEnvironment());
  }

  public CreateSubscription(App app) {
    super(app);
  }
}

package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Cancels a subscription (docs/api.md §5.2). */
public final class CancelSubscription extends ApiFunction {

  public CancelSubscription() {
    this(App.fromEnvironment());
  }

  public CancelSubscription(App app) {
    super(app);
  }
}

package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Retrieves a subscription (docs/api.md §5.2). */
public final class RetrieveSubscription extends ApiFunction {

  public RetrieveSubscription() {
    this(App.fromEnvironment());
  }

  public RetrieveSubscription(App app) {
    super(app);
  }
}

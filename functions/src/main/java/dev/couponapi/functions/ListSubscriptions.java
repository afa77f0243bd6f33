package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Lists subscriptions (docs/api.md §5.2). */
public final class ListSubscriptions extends ApiFunction {

  public ListSubscriptions() {
    this(App.fromEnvironment());
  }

  public ListSubscriptions(App app) {
    super(app);
  }
}

package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Lists subscriptions (spec §5.2). */
public final class ListSubscriptions extends ApiFunction {

  public ListSubscriptions() {
    this(App.fromEnvironment());
  }

  public ListSubscriptions(App app) {
    super(app);
  }
}

package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Lists customers (docs/api.md §5.1). */
public final class ListCustomers extends ApiFunction {

  public ListCustomers() {
    this(App.fromEnvironment());
  }

  public ListCustomers(App app) {
    super(app);
  }
}

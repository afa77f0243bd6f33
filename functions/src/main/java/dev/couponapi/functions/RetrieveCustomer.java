package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Retrieves a customer with its discount (docs/api.md §5.1). */
public final class RetrieveCustomer extends ApiFunction {

  public RetrieveCustomer() {
    this(App.fromEnvironment());
  }

  public RetrieveCustomer(App app) {
    super(app);
  }
}

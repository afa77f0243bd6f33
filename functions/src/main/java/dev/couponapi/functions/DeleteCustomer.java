package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Deletes a customer, canceling its active subscriptions (docs/api.md §5.1). */
public final class DeleteCustomer extends ApiFunction {

  public DeleteCustomer() {
    this(App.fromEnvironment());
  }

  public DeleteCustomer(App app) {
    super(app);
  }
}

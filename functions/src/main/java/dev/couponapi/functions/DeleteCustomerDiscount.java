package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Removes a customer's discount (docs/api.md §4.6). */
public final class DeleteCustomerDiscount extends ApiFunction {

  public DeleteCustomerDiscount() {
    this(App.fromEnvironment());
  }

  public DeleteCustomerDiscount(App app) {
    super(app);
  }
}

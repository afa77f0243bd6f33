package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Creates a customer, with a discount when `coupon` or `promotion_code` is given (docs/api.md §5.1, §4.3). */
public final class CreateCustomer extends ApiFunction {

  public CreateCustomer() {
    this(App.fromEnvironment());
  }

  public CreateCustomer(App app) {
    super(app);
  }
}

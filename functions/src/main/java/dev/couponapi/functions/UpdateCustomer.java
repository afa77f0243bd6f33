package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Updates a customer; `coupon` / `promotion_code` replace its discount (docs/api.md §5.1, §4.3). */
public final class UpdateCustomer extends ApiFunction {

  public UpdateCustomer() {
    this(App.fromEnvironment());
  }

  public UpdateCustomer(App app) {
    super(app);
  }
}

package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Creates a coupon: `POST /v1/coupons` (docs/api.md §2). */
public final class CreateCoupon extends ApiFunction {

  public CreateCoupon() {
    this(App.fromEnvironment());
  }

  public CreateCoupon(App app) {
    super(app);
  }
}

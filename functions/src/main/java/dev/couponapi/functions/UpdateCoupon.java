package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Updates a coupon: `POST /v1/coupons/{coupon}` (docs/api.md §2). */
public final class UpdateCoupon extends ApiFunction {

  public UpdateCoupon() {
    this(App.fromEnvironment());
  }

  public UpdateCoupon(App app) {
    super(app);
  }
}

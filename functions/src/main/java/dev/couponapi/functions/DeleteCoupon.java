package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Deletes a coupon: `DELETE /v1/coupons/{coupon}` (docs/api.md §2). */
public final class DeleteCoupon extends ApiFunction {

  public DeleteCoupon() {
    this(App.fromEnvironment());
  }

  public DeleteCoupon(App app) {
    super(app);
  }
}

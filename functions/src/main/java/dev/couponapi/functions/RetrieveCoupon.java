package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Retrieves a coupon: `GET /v1/coupons/{coupon}` (docs/api.md §2). */
public final class RetrieveCoupon extends ApiFunction {

  public RetrieveCoupon() {
    this(App.fromEnvironment());
  }

  public RetrieveCoupon(App app) {
    super(app);
  }
}

package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Lists coupons: `GET /v1/coupons` (docs/api.md §2). */
public final class ListCoupons extends ApiFunction {

  public ListCoupons() {
    this(App.fromEnvironment());
  }

  public ListCoupons(App app) {
    super(app);
  }
}

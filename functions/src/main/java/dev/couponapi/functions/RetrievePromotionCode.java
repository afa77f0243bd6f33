package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Retrieves a promotion code: `GET /v1/promotion_codes/{promotion_code}` (docs/api.md §3.3). */
public final class RetrievePromotionCode extends ApiFunction {

  public RetrievePromotionCode() {
    this(App.fromEnvironment());
  }

  public RetrievePromotionCode(App app) {
    super(app);
  }
}

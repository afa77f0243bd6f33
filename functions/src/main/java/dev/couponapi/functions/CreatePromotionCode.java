package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Creates a promotion code: `POST /v1/promotion_codes` (docs/api.md §3.2). */
public final class CreatePromotionCode extends ApiFunction {

  public CreatePromotionCode() {
    this(App.fromEnvironment());
  }

  public CreatePromotionCode(App app) {
    super(app);
  }
}

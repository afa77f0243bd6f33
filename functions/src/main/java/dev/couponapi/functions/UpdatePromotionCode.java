package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Updates a promotion code: `POST /v1/promotion_codes/{promotion_code}` (docs/api.md §3.4). */
public final class UpdatePromotionCode extends ApiFunction {

  public UpdatePromotionCode() {
    this(App.fromEnvironment());
  }

  public UpdatePromotionCode(App app) {
    super(app);
  }
}

package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Lists promotion codes: `GET /v1/promotion_codes` (docs/api.md §3.5). */
public final class ListPromotionCodes extends ApiFunction {

  public ListPromotionCodes() {
    this(App.fromEnvironment());
  }

  public ListPromotionCodes(App app) {
    super(app);
  }
}

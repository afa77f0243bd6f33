package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Lists promotion-code batches: `GET /v1/promotion_code_batches` (docs/api.md §3.7). */
public final class ListPromotionCodeBatches extends ApiFunction {

  public ListPromotionCodeBatches() {
    this(App.fromEnvironment());
  }

  public ListPromotionCodeBatches(App app) {
    super(app);
  }
}

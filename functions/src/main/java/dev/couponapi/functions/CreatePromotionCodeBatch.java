package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Creates a promotion-code batch: `POST /v1/promotion_code_batches` (docs/api.md §3.7). */
public final class CreatePromotionCodeBatch extends ApiFunction {

  public CreatePromotionCodeBatch() {
    this(App.fromEnvironment());
  }

  public CreatePromotionCodeBatch(App app) {
    super(app);
  }
}

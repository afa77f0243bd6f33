package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Retrieves a promotion-code batch with its progress: `GET /v1/promotion_code_batches/{batch}` (docs/api.md §3.7). */
public final class RetrievePromotionCodeBatch extends ApiFunction {

  public RetrievePromotionCodeBatch() {
    this(App.fromEnvironment());
  }

  public RetrievePromotionCodeBatch(App app) {
    super(app);
  }
}

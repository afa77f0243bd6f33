package dev.couponapi.functions;

import dev.couponapi.app.App;

/** A batch's codes as CSV: `GET /v1/promotion_code_batches/{batch}/codes.csv` (docs/api.md §3.7). */
public final class ExportPromotionCodeBatch extends ApiFunction {

  public ExportPromotionCodeBatch() {
    this(App.fromEnvironment());
  }

  public ExportPromotionCodeBatch(App app) {
    super(app);
  }
}

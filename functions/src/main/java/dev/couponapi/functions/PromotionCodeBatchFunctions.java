package dev.couponapi.functions;

import dev.couponapi.app.App;

/**
 * The promotion-code batch routes (docs/api.md §3.7): one handler per operation, each named after its function in template.yaml
 * ({@code CreateCouponFunction} → {@code CouponFunctions$CreateCoupon}), with Lambda's constructor and
 * one taking an {@link App} for tests.
 */
public final class PromotionCodeBatchFunctions {

  private PromotionCodeBatchFunctions() {}

  /** Creates a promotion-code batch: `POST /v1/promotion_code_batches` (docs/api.md §3.7). */
  public static final class CreatePromotionCodeBatch extends ApiFunction {
    public CreatePromotionCodeBatch() { super(App.fromEnvironment()); }
    public CreatePromotionCodeBatch(App app) { super(app); }
  }

  /** Retrieves a promotion-code batch with its progress: `GET /v1/promotion_code_batches/{batch}` (docs/api.md §3.7). */
  public static final class RetrievePromotionCodeBatch extends ApiFunction {
    public RetrievePromotionCodeBatch() { super(App.fromEnvironment()); }
    public RetrievePromotionCodeBatch(App app) { super(app); }
  }

  /** Lists promotion-code batches: `GET /v1/promotion_code_batches` (docs/api.md §3.7). */
  public static final class ListPromotionCodeBatches extends ApiFunction {
    public ListPromotionCodeBatches() { super(App.fromEnvironment()); }
    public ListPromotionCodeBatches(App app) { super(app); }
  }

  /** A batch's codes as CSV: `GET /v1/promotion_code_batches/{batch}/codes.csv` (docs/api.md §3.7). */
  public static final class ExportPromotionCodeBatch extends ApiFunction {
    public ExportPromotionCodeBatch() { super(App.fromEnvironment()); }
    public ExportPromotionCodeBatch(App app) { super(app); }
  }
}

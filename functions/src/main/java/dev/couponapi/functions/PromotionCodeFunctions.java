package dev.couponapi.functions;

import dev.couponapi.app.App;

/**
 * The promotion-code routes (docs/api.md §3): one handler per operation, each named after its function in template.yaml
 * ({@code CreateCouponFunction} → {@code CouponFunctions$CreateCoupon}), with Lambda's constructor and
 * one taking an {@link App} for tests.
 */
public final class PromotionCodeFunctions {

  private PromotionCodeFunctions() {}

  /** Creates a promotion code: `POST /v1/promotion_codes` (docs/api.md §3.2). */
  public static final class CreatePromotionCode extends ApiFunction {
    public CreatePromotionCode() { super(App.fromEnvironment()); }
    public CreatePromotionCode(App app) { super(app); }
  }

  /** Retrieves a promotion code: `GET /v1/promotion_codes/{promotion_code}` (docs/api.md §3.3). */
  public static final class RetrievePromotionCode extends ApiFunction {
    public RetrievePromotionCode() { super(App.fromEnvironment()); }
    public RetrievePromotionCode(App app) { super(app); }
  }

  /** Updates a promotion code: `POST /v1/promotion_codes/{promotion_code}` (docs/api.md §3.4). */
  public static final class UpdatePromotionCode extends ApiFunction {
    public UpdatePromotionCode() { super(App.fromEnvironment()); }
    public UpdatePromotionCode(App app) { super(app); }
  }

  /** Lists promotion codes: `GET /v1/promotion_codes` (docs/api.md §3.5). */
  public static final class ListPromotionCodes extends ApiFunction {
    public ListPromotionCodes() { super(App.fromEnvironment()); }
    public ListPromotionCodes(App app) { super(app); }
  }

  /** A promotion code's statistics: `GET /v1/promotion_codes/{promotion_code}/stats` (docs/api.md §2.9, an extension). */
  public static final class RetrievePromotionCodeStats extends ApiFunction {
    public RetrievePromotionCodeStats() { super(App.fromEnvironment()); }
    public RetrievePromotionCodeStats(App app) { super(app); }
  }
}

package dev.couponapi.functions;

import dev.couponapi.app.App;

/**
 * The coupon routes (docs/api.md §2): one handler per operation, each named after its function in template.yaml
 * ({@code CreateCouponFunction} → {@code CouponFunctions$CreateCoupon}), with Lambda's constructor and
 * one taking an {@link App} for tests.
 */
public final class CouponFunctions {

  private CouponFunctions() {}

  /** Creates a coupon: `POST /v1/coupons` (docs/api.md §2). */
  public static final class CreateCoupon extends ApiFunction {
    public CreateCoupon() { super(App.fromEnvironment()); }
    public CreateCoupon(App app) { super(app); }
  }

  /** Retrieves a coupon: `GET /v1/coupons/{coupon}` (docs/api.md §2). */
  public static final class RetrieveCoupon extends ApiFunction {
    public RetrieveCoupon() { super(App.fromEnvironment()); }
    public RetrieveCoupon(App app) { super(app); }
  }

  /** Updates a coupon: `POST /v1/coupons/{coupon}` (docs/api.md §2). */
  public static final class UpdateCoupon extends ApiFunction {
    public UpdateCoupon() { super(App.fromEnvironment()); }
    public UpdateCoupon(App app) { super(app); }
  }

  /** Deletes a coupon: `DELETE /v1/coupons/{coupon}` (docs/api.md §2). */
  public static final class DeleteCoupon extends ApiFunction {
    public DeleteCoupon() { super(App.fromEnvironment()); }
    public DeleteCoupon(App app) { super(app); }
  }

  /** Lists coupons: `GET /v1/coupons` (docs/api.md §2). */
  public static final class ListCoupons extends ApiFunction {
    public ListCoupons() { super(App.fromEnvironment()); }
    public ListCoupons(App app) { super(app); }
  }

  /** A coupon's statistics: `GET /v1/coupons/{coupon}/stats` (docs/api.md §2.9, an extension). */
  public static final class RetrieveCouponStats extends ApiFunction {
    public RetrieveCouponStats() { super(App.fromEnvironment()); }
    public RetrieveCouponStats(App app) { super(app); }
  }

  /** Several coupons' statistics: `GET /v1/coupon_stats` (docs/api.md §2.9, an extension). */
  public static final class ListCouponStats extends ApiFunction {
    public ListCouponStats() { super(App.fromEnvironment()); }
    public ListCouponStats(App app) { super(app); }
  }
}

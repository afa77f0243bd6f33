package dev.couponapi.wire;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.PromotionCode;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Renders a promotion code (docs/api.md §3.1) in the request's version: before clover the full coupon
 * is embedded as {@code coupon}; from clover on {@code promotion: {coupon, type}} names it, and
 * {@code expand[]=promotion.coupon} embeds it.
 */
public final class PromotionCodeRenderer {

  private static final String PROMOTION_COUPON = "promotion.coupon";
  private static final String COUPON = "coupon";
  private static final String RESTRICTION_OPTIONS = "restrictions.currency_options";

  private PromotionCodeRenderer() {}

  /** What a promotion code can expand in a version's shape (docs/api.md §1.6, §3.1). */
  public static Set<String> expandable(ApiVersion version) {
    String coupon = version.promotionCodeHasPromotion() ? PROMOTION_COUPON : COUPON;
    return Expansions.union(Set.of(coupon, RESTRICTION_OPTIONS),
        Expansions.under(coupon + ".", CouponRenderer.EXPANDABLE));
  }

  public static Map<String, Object> render(PromotionCode code, Coupon coupon, ApiVersion version, Instant now,
      Set<String> expand) {
    StripeObject object = StripeObject.of(code.id(), "promotion_code")
        .put("active", code.active(coupon, now))
        .put("code", code.code())
        .put("created", code.created())
        .put("customer", code.customer())
        .put("customer_account", null)
        .put("expires_at", code.expiresAt())
        .put("livemode", code.livemode())
        .put("max_redemptions", code.maxRedemptions())
        .put("metadata", StripeObject.sorted(code.metadata()))
        .put("restrictions", restrictions(code.restrictions(), expand.contains(RESTRICTION_OPTIONS)))
        .put("times_redeemed", code.timesRedeemed());
    if (code.maxRedemptionsPerCustomer() != null) {
      // an extension, carried only when set
      object.put("max_redemptions_per_customer", code.maxRedemptionsPerCustomer());
    }
    if (version.promotionCodeHasPromotion()) {
      Map<String, Object> promotion = StripeObject.hash();
      promotion.put("coupon", expand.contains(PROMOTION_COUPON)
          ? CouponRenderer.render(coupon, now, Expansions.below(PROMOTION_COUPON + ".", expand)) : coupon.id());
      promotion.put("type", "coupon");
      object.put("promotion", promotion);
    } else {
      object.put("coupon", CouponRenderer.render(coupon, now, Expansions.below(COUPON + ".", expand)));
    }
    return object.toMap();
  }

  private static Map<String, Object> restrictions(PromotionCode.Restrictions restrictions, boolean withOptions) {
    Map<String, Object> map = StripeObject.hash();
    map.put("first_time_transaction", restrictions.firstTimeTransaction());
    map.put("minimum_amount", restrictions.minimumAmount());
    map.put("minimum_amount_currency", restrictions.minimumAmountCurrency());
    if (withOptions) {
      Map<String, Object> options = StripeObject.hash();
      restrictions.currencyOptions().forEach((currency, minimum) -> {
        Map<String, Object> option = StripeObject.hash();
        option.put("minimum_amount", minimum);
        options.put(currency, option);
      });
      map.put("currency_options", options);
    }
    return map;
  }

}

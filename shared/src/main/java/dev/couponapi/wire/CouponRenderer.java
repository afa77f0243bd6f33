package dev.couponapi.wire;

import dev.couponapi.domain.Coupon;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Renders a coupon (docs/api.md §2.1); identical in every API version. */
public final class CouponRenderer {

  public static final String APPLIES_TO = "applies_to";
  public static final String CURRENCY_OPTIONS = "currency_options";
  /** Both are includable: absent unless expanded (docs/api.md §1.6). */
  public static final Set<String> EXPANDABLE = Set.of(APPLIES_TO, CURRENCY_OPTIONS);

  private CouponRenderer() {}

  /** {@code expand} holds paths relative to the coupon ({@code applies_to}, {@code currency_options}). */
  public static Map<String, Object> render(Coupon coupon, Instant now, Set<String> expand) {
    StripeObject object = StripeObject.of(coupon.id(), "coupon")
        .put("amount_off", coupon.amountOff())
        .put("created", coupon.created())
        .put("currency", coupon.currency())
        .put("duration", coupon.duration().wireName())
        .put("duration_in_months", coupon.durationInMonths() == null ? null : coupon.durationInMonths().longValue())
        .put("livemode", coupon.livemode())
        .put("max_redemptions", coupon.maxRedemptions())
        .put("metadata", StripeObject.sorted(coupon.metadata()))
        .put("name", coupon.name())
        .put("percent_off", coupon.percentOff())
        .put("redeem_by", coupon.redeemBy())
        .put("times_redeemed", coupon.timesRedeemed())
        .put("valid", coupon.valid(now));
    if (coupon.maxRedemptionsPerCustomer() != null) {
      // an extension, carried only when set, so a client that never sets it sees Stripe's object
      object.put("max_redemptions_per_customer", coupon.maxRedemptionsPerCustomer());
    }
    if (expand.contains(APPLIES_TO) && coupon.appliesToProducts() != null) {
      Map<String, Object> appliesTo = StripeObject.hash();
      appliesTo.put("products", coupon.appliesToProducts());
      object.put("applies_to", appliesTo);
    }
    if (expand.contains(CURRENCY_OPTIONS) && coupon.amountOff() != null) {
      Map<String, Object> options = StripeObject.hash();
      options.put(coupon.currency(), amountOff(coupon.amountOff()));
      coupon.currencyOptions().forEach((code, amount) -> options.put(code, amountOff(amount)));
      object.put("currency_options", options);
    }
    return object.toMap();
  }

  public static Map<String, Object> renderDeleted(String id) {
    return StripeObject.of(id, "coupon").put("deleted", true).toMap();
  }

  private static Map<String, Object> amountOff(long amount) {
    Map<String, Object> option = StripeObject.hash();
    option.put("amount_off", amount);
    return option;
  }
}

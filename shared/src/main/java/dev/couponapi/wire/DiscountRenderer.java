package dev.couponapi.wire;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Discount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders a discount (docs/api.md §4.1): before clover with its coupon embedded in full (even a deleted
 * one, as {@code valid: false}); from clover on with {@code source: {coupon, type}}.
 */
public final class DiscountRenderer {

  public static final String SOURCE_COUPON = "source.coupon";

  private DiscountRenderer() {}

  /** What a discount can expand: its source's coupon, in the shape that has a source. */
  public static Set<String> expandable(ApiVersion version) {
    return version.discountHasSource() ? Set.of(SOURCE_COUPON) : Set.of();
  }

  /** {@code coupons} gives the coupon record a discount names; asked only when the shape needs it. */
  public static Map<String, Object> render(Discount discount, ApiVersion version, Instant now,
      Function<Discount, Coupon> coupons, Set<String> expand) {
    return object(discount, version, now, coupons, expand).put("end", discount.end()).toMap();
  }

  /** What an object's {@code field} of discounts can expand: the field, and what each discount can. */
  public static Set<String> expandableAt(String field, ApiVersion version) {
    return Expansions.union(Set.of(field), Expansions.under(field + ".", expandable(version)));
  }

  /** An object's {@code field} of discounts: their ids, or the discounts when {@code expand} names the field. */
  public static List<Object> renderAt(String field, List<Discount> discounts, ApiVersion version, Instant now,
      Function<Discount, Coupon> coupons, Set<String> expand) {
    Set<String> below = Expansions.below(field + ".", expand);
    return discounts.stream().<Object>map(discount -> expand.contains(field)
        ? render(discount, version, now, coupons, below) : discount.id()).toList();
  }

  /** The DeletedDiscount: the same fields without {@code end}, plus {@code deleted: true}. */
  public static Map<String, Object> renderDeleted(Discount discount, ApiVersion version, Instant now,
      Function<Discount, Coupon> coupons, Set<String> expand) {
    return object(discount, version, now, coupons, expand).put("deleted", true).toMap();
  }

  private static StripeObject object(Discount discount, ApiVersion version, Instant now,
      Function<Discount, Coupon> coupons, Set<String> expand) {
    StripeObject object = StripeObject.of(discount.id(), "discount")
        .put("checkout_session", null)
        .put("customer", discount.customer())
        .put("customer_account", null)
        .put("invoice", discount.invoice())
        .put("invoice_item", discount.invoiceItem())
        .put("promotion_code", discount.promotionCode())
        .put("start", discount.start())
        .put("subscription", discount.subscription())
        .put("subscription_item", discount.subscriptionItem());
    if (version.discountHasSource()) {
      Map<String, Object> source = StripeObject.hash();
      source.put("coupon", expand.contains(SOURCE_COUPON)
          ? CouponRenderer.render(coupons.apply(discount), now, Set.of()) : discount.couponId());
      source.put("type", "coupon");
      object.put("source", source);
    } else {
      object.put("coupon", CouponRenderer.render(coupons.apply(discount), now, Set.of()));
    }
    return object;
  }
}

package dev.couponapi.store;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Customer;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.Tenant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An object as an event stores it: laid out by the object's own mapper (so there is one layout),
 * without the keys and index attributes that place the live object, and with its count of
 * redemptions, which the live object keeps in its shards.
 */
final class Snapshots {

  private Snapshots() {}

  static AttributeValue coupon(Coupon coupon) {
    Map<String, AttributeValue> item = CouponMapper.toItem("", "", "", "", 0, coupon);
    item.put(CouponMapper.TIMES_REDEEMED, Attr.n(coupon.timesRedeemed()));
    return placeless(item);
  }

  static Coupon coupon(AttributeValue snapshot) {
    return CouponMapper.fromItem(snapshot.m());
  }

  static AttributeValue promotionCode(Tenant tenant, PromotionCode code) {
    Map<String, AttributeValue> item = PromotionCodeMapper.toItem(tenant, "", 0, code);
    item.put(PromotionCodeMapper.TIMES_REDEEMED, Attr.n(code.timesRedeemed()));
    return placeless(item);
  }

  static PromotionCode promotionCode(AttributeValue snapshot) {
    return PromotionCodeMapper.fromItem(snapshot.m());
  }

  static AttributeValue customer(Tenant tenant, Customer customer) {
    return placeless(CustomerMapper.toItem(tenant, customer, ""));
  }

  static Customer customer(AttributeValue snapshot) {
    return CustomerMapper.fromItem(snapshot.m());
  }

  static AttributeValue subscription(Tenant tenant, Subscription subscription) {
    return placeless(SubscriptionMapper.toItem(tenant, subscription, ""));
  }

  static Subscription subscription(AttributeValue snapshot) {
    return SubscriptionMapper.fromItem(snapshot.m());
  }

  /** Coupons by revision, each a coupon snapshot. */
  static AttributeValue coupons(Map<String, Coupon> coupons) {
    Map<String, AttributeValue> map = new HashMap<>();
    coupons.forEach((rev, coupon) -> map.put(rev, coupon(coupon)));
    return AttributeValue.fromM(map);
  }

  static Map<String, Coupon> coupons(AttributeValue snapshot) {
    Map<String, Coupon> coupons = new HashMap<>();
    if (snapshot != null && snapshot.hasM()) {
      snapshot.m().forEach((rev, coupon) -> coupons.put(rev, coupon(coupon)));
    }
    return coupons;
  }

  static AttributeValue discount(Discount discount) {
    return DiscountMapper.toAttribute(discount);
  }

  static Discount discount(AttributeValue snapshot) {
    return DiscountMapper.fromAttribute(snapshot);
  }

  private static AttributeValue placeless(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> kept = new HashMap<>(item);
    kept.remove(Table.PK);
    Table.attributeNames().forEach(kept::remove);
    return AttributeValue.fromM(kept);
  }
}

package dev.couponapi.store;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Customer;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.Tenant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An object as an event stores it: laid out by the object's own mapper (so there is one layout),
 * without the keys and index attributes that place the live object, and with its count of
 * redemptions, which the live object keeps in its shards. The layouts of the coupon resources' event
 * objects are here; a resource of its own keeps its layout beside its store.
 */
public final class Snapshots {

  /** A coupon's events: the coupon. */
  public static final EventSnapshot<EventObject.OfCoupon> COUPON = EventSnapshot.of("coupon",
      EventObject.OfCoupon.class, new EventSnapshot.Layout<>() {
        public AttributeValue object(Tenant tenant, EventObject.OfCoupon of) {
          return coupon(of.coupon());
        }

        public AttributeValue coupons(EventObject.OfCoupon of) {
          return null;
        }

        public EventObject.OfCoupon read(AttributeValue object, AttributeValue coupons) {
          return new EventObject.OfCoupon(coupon(object));
        }
      });

  /** A promotion code's events: the code and its coupon. */
  public static final EventSnapshot<EventObject.OfPromotionCode> PROMOTION_CODE = EventSnapshot.of("promotion_code",
      EventObject.OfPromotionCode.class, new EventSnapshot.Layout<>() {
        public AttributeValue object(Tenant tenant, EventObject.OfPromotionCode of) {
          return promotionCode(tenant, of.code());
        }

        public AttributeValue coupons(EventObject.OfPromotionCode of) {
          return coupon(of.coupon());
        }

        public EventObject.OfPromotionCode read(AttributeValue object, AttributeValue coupons) {
          return new EventObject.OfPromotionCode(promotionCode(object), coupon(coupons));
        }
      });

  /** A customer's events: the customer, and the coupon of its discount when it has one. */
  public static final EventSnapshot<EventObject.OfCustomer> CUSTOMER = EventSnapshot.of("customer",
      EventObject.OfCustomer.class, new EventSnapshot.Layout<>() {
        public AttributeValue object(Tenant tenant, EventObject.OfCustomer of) {
          return customer(tenant, of.customer());
        }

        public AttributeValue coupons(EventObject.OfCustomer of) {
          return of.coupon() == null ? null : coupon(of.coupon());
        }

        public EventObject.OfCustomer read(AttributeValue object, AttributeValue coupons) {
          return new EventObject.OfCustomer(customer(object), coupons == null ? null : coupon(coupons));
        }
      });

  /** A subscription's events: the subscription, and the coupons of its discounts by revision. */
  public static final EventSnapshot<EventObject.OfSubscription> SUBSCRIPTION = EventSnapshot.of("subscription",
      EventObject.OfSubscription.class, new EventSnapshot.Layout<>() {
        public AttributeValue object(Tenant tenant, EventObject.OfSubscription of) {
          return subscription(tenant, of.subscription());
        }

        public AttributeValue coupons(EventObject.OfSubscription of) {
          return Snapshots.coupons(of.coupons());
        }

        public EventObject.OfSubscription read(AttributeValue object, AttributeValue coupons) {
          return new EventObject.OfSubscription(subscription(object), Snapshots.coupons(coupons));
        }
      });

  /** A discount's events ({@code customer.discount.*}): the discount and its coupon. */
  public static final EventSnapshot<EventObject.OfDiscount> DISCOUNT = EventSnapshot.of("discount",
      EventObject.OfDiscount.class, new EventSnapshot.Layout<>() {
        public AttributeValue object(Tenant tenant, EventObject.OfDiscount of) {
          return discount(of.discount());
        }

        public AttributeValue coupons(EventObject.OfDiscount of) {
          return coupon(of.coupon());
        }

        public EventObject.OfDiscount read(AttributeValue object, AttributeValue coupons) {
          return new EventObject.OfDiscount(discount(object), coupon(coupons));
        }
      });

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

  static AttributeValue placeless(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> kept = new HashMap<>(item);
    kept.remove(Table.PK);
    Table.attributeNames().forEach(kept::remove);
    return AttributeValue.fromM(kept);
  }
}

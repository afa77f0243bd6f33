package dev.couponapi.store;

import dev.couponapi.domain.Discount;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A discount as a map inside its holder's item. */
final class DiscountMapper {

  private DiscountMapper() {}

  static AttributeValue toAttribute(Discount discount) {
    Map<String, AttributeValue> map = new HashMap<>();
    map.put("id", Attr.s(discount.id()));
    map.put("coupon", Attr.s(discount.couponId()));
    map.put("coupon_rev", Attr.s(discount.couponRev()));
    Attr.putIfPresent(map, "promotion_code", discount.promotionCode());
    map.put("start", Attr.n(discount.start()));
    Attr.putIfPresent(map, "end", discount.end());
    Attr.putIfPresent(map, "customer", discount.customer());
    Attr.putIfPresent(map, "subscription", discount.subscription());
    Attr.putIfPresent(map, "subscription_item", discount.subscriptionItem());
    Attr.putIfPresent(map, "invoice", discount.invoice());
    Attr.putIfPresent(map, "invoice_item", discount.invoiceItem());
    return AttributeValue.fromM(map);
  }

  static AttributeValue toAttribute(List<Discount> discounts) {
    return AttributeValue.fromL(discounts.stream().map(DiscountMapper::toAttribute).toList());
  }

  static Discount fromAttribute(AttributeValue value) {
    if (value == null || !value.hasM()) {
      return null;
    }
    Map<String, AttributeValue> map = value.m();
    return new Discount(Attr.string(map, "id"), Attr.string(map, "coupon"), Attr.string(map, "coupon_rev"),
        Attr.string(map, "promotion_code"), Attr.longValue(map, "start"), Attr.longValue(map, "end"),
        Attr.string(map, "customer"), Attr.string(map, "subscription"), Attr.string(map, "subscription_item"),
        Attr.string(map, "invoice"), Attr.string(map, "invoice_item"));
  }

  static List<Discount> fromList(AttributeValue value) {
    return value == null || !value.hasL() ? List.of() : value.l().stream().map(DiscountMapper::fromAttribute).toList();
  }
}

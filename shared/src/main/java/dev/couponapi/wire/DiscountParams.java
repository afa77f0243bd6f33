package dev.couponapi.wire;

import dev.couponapi.api.SafeText;
import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.DiscountRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The ways a request names discounts (docs/api.md §4.3): {@code coupon} / {@code promotion_code}, or {@code discounts[]}. */
public final class DiscountParams {

  public static final int MAX_DISCOUNTS = 20;

  /** One {@code discounts[n]} element: exactly one of coupon, promotion_code, discount. */
  static final ParamType ELEMENT = ParamType.fields(
      "coupon", ParamType.text(Ids.MAX_ID_LENGTH),
      "promotion_code", ParamType.text(Ids.MAX_ID_LENGTH),
      "discount", ParamType.text(Ids.MAX_ID_LENGTH));

  /** {@code discounts}: an array of elements; {@code discounts=} (empty) removes them all. */
  static final ParamType LIST = new ParamType.ListOf(ELEMENT, MAX_DISCOUNTS, true);

  private DiscountParams() {}

  /** The singular {@code coupon} / {@code promotion_code} pair, or null when neither was sent. */
  public static DiscountRequest single(Params params) {
    String coupon = params.text("coupon");
    String code = params.text("promotion_code");
    if (coupon != null && code != null) {
      throw Errors.exclusive("coupon", "promotion_code");
    }
    if (coupon != null) {
      return DiscountRequest.coupon(coupon, "coupon");
    }
    return code == null ? null : DiscountRequest.promotionCode(code, "promotion_code");
  }

  /** The elements of a {@code discounts} array at {@code name}, or null when it was not sent. */
  public static List<DiscountRequest> list(Params params, String key) {
    List<Params> elements = params.list(key);
    if (elements == null) {
      return null;
    }
    List<DiscountRequest> requests = new ArrayList<>();
    Set<String> coupons = new HashSet<>();
    for (int i = 0; i < elements.size(); i++) {
      Params element = elements.get(i);
      String name = params.nameOf(key) + "[" + i + "]";
      List<DiscountRequest> named = new ArrayList<>();
      if (element.text("coupon") != null) {
        named.add(DiscountRequest.coupon(element.text("coupon"), name + "[coupon]"));
      }
      if (element.text("promotion_code") != null) {
        named.add(DiscountRequest.promotionCode(element.text("promotion_code"), name + "[promotion_code]"));
      }
      if (element.text("discount") != null) {
        named.add(DiscountRequest.existing(element.text("discount"), name + "[discount]"));
      }
      if (named.size() != 1) {
        throw Errors.invalid(name, "Each element of " + params.nameOf(key)
            + " names exactly one of coupon, promotion_code and discount.");
      }
      DiscountRequest request = named.get(0);
      if (request.kind() == DiscountRequest.Kind.COUPON && !coupons.add(request.id())) {
        throw Errors.invalid(name, "The coupon " + SafeText.clip(request.id()) + " appears twice in "
            + params.nameOf(key) + ".");
      }
      requests.add(request);
    }
    return requests;
  }
}

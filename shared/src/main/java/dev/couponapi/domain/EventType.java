package dev.couponapi.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The event types this API records (docs/events.md, "What is recorded"), by their Stripe names. */
public enum EventType {
  COUPON_CREATED("coupon.created"),
  COUPON_UPDATED("coupon.updated"),
  COUPON_DELETED("coupon.deleted"),
  PROMOTION_CODE_CREATED("promotion_code.created"),
  PROMOTION_CODE_UPDATED("promotion_code.updated"),
  CUSTOMER_CREATED("customer.created"),
  CUSTOMER_UPDATED("customer.updated"),
  CUSTOMER_DELETED("customer.deleted"),
  CUSTOMER_DISCOUNT_CREATED("customer.discount.created"),
  CUSTOMER_DISCOUNT_UPDATED("customer.discount.updated"),
  CUSTOMER_DISCOUNT_DELETED("customer.discount.deleted"),
  CUSTOMER_SUBSCRIPTION_CREATED("customer.subscription.created"),
  CUSTOMER_SUBSCRIPTION_UPDATED("customer.subscription.updated"),
  CUSTOMER_SUBSCRIPTION_DELETED("customer.subscription.deleted");

  /** What {@code enabled_events} may hold besides the types: every event. */
  public static final String ALL = "*";

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether this is an {@code *.updated} type, whose data carries {@code previous_attributes}. */
  public boolean isUpdate() {
    return wireName.endsWith(".updated");
  }

  public static Optional<EventType> fromWire(String name) {
    return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
  }

  /** The types a {@code type} filter names: exactly one, or, with {@code *} as a wildcard, every match. */
  public static List<EventType> matching(String pattern) {
    String regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q");
    return Arrays.stream(values()).filter(type -> type.wireName.matches(regex)).toList();
  }

  /** Whether an endpoint that enabled {@code enabled} receives this type. */
  public boolean enabledBy(List<String> enabled) {
    return enabled.contains(ALL) || enabled.contains(wireName);
  }
}

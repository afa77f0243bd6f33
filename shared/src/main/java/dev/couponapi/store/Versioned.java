package dev.couponapi.store;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How many updates an object has had ({@code ver}; absent before its first): an update read first
 * requires the object still at the version it read, and counts one more, so the object an event
 * records as "before" is the one the update replaced.
 */
final class Versioned {

  static final String ATTRIBUTE = "ver";

  private Versioned() {}

  static long of(Map<String, AttributeValue> item) {
    return Attr.longOrZero(item, ATTRIBUTE);
  }

  /**
   * {@code update} made to require {@code version} and to count the next. Version 0 is an object
   * never updated: with no {@code ver} (coupons, customers) or with 0 (subscriptions store it).
   */
  static UpdateExpression next(UpdateExpression update, long version) {
    update.name("#ver", ATTRIBUTE).value(":nextver", Attr.n(version + 1)).set("#ver = :nextver")
        .value(":ver", Attr.n(version));
    return version == 0 ? update.condition("(attribute_not_exists(#ver) OR #ver = :ver)")
        : update.condition("#ver = :ver");
  }
}

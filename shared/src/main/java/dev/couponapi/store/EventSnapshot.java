package dev.couponapi.store;

import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.Tenant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How one kind of event object is kept in an event item: under {@code name} the object laid out by
 * its own mapper ({@link Snapshots}), under {@code couponName} the coupons it renders with. Each
 * resource registers one per kind its events carry; the event item names the kind.
 */
public interface EventSnapshot<T extends EventObject> {

  /** What the event item's {@code kind} attribute says, e.g. {@code coupon}. */
  String kind();

  Class<T> type();

  void write(Map<String, AttributeValue> item, String name, String couponName, Tenant tenant, T object);

  T read(Map<String, AttributeValue> item, String name, String couponName);

  /** A kind stored as one attribute and, when it renders with coupons, one more ({@code coupons} null: none). */
  static <T extends EventObject> EventSnapshot<T> of(String kind, Class<T> type, Layout<T> layout) {
    return new EventSnapshot<>() {
      public String kind() {
        return kind;
      }

      public Class<T> type() {
        return type;
      }

      public void write(Map<String, AttributeValue> item, String name, String couponName, Tenant tenant, T object) {
        item.put(name, layout.object(tenant, object));
        AttributeValue coupons = layout.coupons(object);
        if (coupons != null) {
          item.put(couponName, coupons);
        }
      }

      public T read(Map<String, AttributeValue> item, String name, String couponName) {
        return layout.read(item.get(name), item.get(couponName));
      }
    };
  }

  /**
   * A kind that renders without coupons, stored as its own item laid out by its mapper (its place
   * in lists left out): {@code toItem} and {@code fromItem}.
   */
  static <T extends EventObject> EventSnapshot<T> withoutCoupons(String kind, Class<T> type,
      java.util.function.BiFunction<Tenant, T, Map<String, AttributeValue>> toItem,
      java.util.function.Function<Map<String, AttributeValue>, T> fromItem) {
    return of(kind, type, new Layout<>() {
      public AttributeValue object(Tenant tenant, T object) {
        return Snapshots.placeless(toItem.apply(tenant, object));
      }

      public AttributeValue coupons(T object) {
        return null;
      }

      public T read(AttributeValue object, AttributeValue coupons) {
        return fromItem.apply(object.m());
      }
    });
  }

  /** The two attributes of a kind, and the object made back from them ({@code coupons} null when absent). */
  interface Layout<T> {
    AttributeValue object(Tenant tenant, T object);

    AttributeValue coupons(T object);

    T read(AttributeValue object, AttributeValue coupons);
  }
}

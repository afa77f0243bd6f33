package dev.couponapi.wire;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.domain.Event;
import dev.couponapi.domain.EventObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders an event (docs/events.md, "The Event object") in a version: its object exactly as the
 * API renders that object in the version, at the event's instant; for updates the
 * {@code previous_attributes} are what differs between the object before and after, rendered alike.
 */
public final class EventRenderer {

  private EventRenderer() {}

  public static Map<String, Object> render(Event event, ApiVersion version, long pendingWebhooks) {
    Instant at = Instant.ofEpochSecond(event.created());
    Map<String, Object> object = renderObject(event.object(), version, at);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("object", object);
    if (event.type().isUpdate() && event.previous() != null) {
      Instant previousAt = event.previousAt() == null ? at : Instant.ofEpochSecond(event.previousAt());
      data.put("previous_attributes", previousAttributes(renderObject(event.previous(), version, previousAt), object));
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", event.requestId());
    request.put("idempotency_key", event.idempotencyKey());
    return StripeObject.of(event.id(), "event")
        .put("api_version", version.value())
        .put("created", event.created())
        .put("data", data)
        .put("livemode", event.livemode())
        .put("pending_webhooks", pendingWebhooks)
        .put("request", request)
        .put("type", event.type().wireName())
        .toMap();
  }

  /** The event as {@code /v1/events} shows it: in its own version, with its live count of pending endpoints. */
  public static Map<String, Object> render(Event event) {
    return render(event, ApiVersion.parse(event.apiVersion()), event.pendingOrZero());
  }

  private static Map<String, Object> renderObject(EventObject object, ApiVersion version, Instant at) {
    if (object instanceof EventObject.OfCoupon of) {
      return CouponRenderer.render(of.coupon(), at, Set.of());
    }
    if (object instanceof EventObject.OfPromotionCode of) {
      return PromotionCodeRenderer.render(of.code(), of.coupon(), version, at, Set.of());
    }
    if (object instanceof EventObject.OfCustomer of) {
      return CustomerRenderer.render(of.customer(), version, at, discount -> of.coupon(), Set.of());
    }
    if (object instanceof EventObject.OfSubscription of) {
      return SubscriptionRenderer.render(of.subscription(), version, at, discount -> of.coupons().get(
          discount.couponRev()), Set.of());
    }
    if (object instanceof EventObject.OfDiscount of) {
      return DiscountRenderer.render(of.discount(), version, at, discount -> of.coupon(), Set.of());
    }
    throw new IllegalArgumentException("no renderer for " + object);
  }

  /**
   * The top-level fields whose value changed, with the old value; inside a changed hash only its
   * changed keys (null for a key that was not there); arrays and other values whole.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> previousAttributes(Map<String, Object> before, Map<String, Object> after) {
    Map<String, Object> previous = new LinkedHashMap<>();
    Set<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      Object old = before.get(key);
      Object now = after.get(key);
      if (Objects.equals(old, now)) {
        continue;
      }
      previous.put(key, old instanceof Map && now instanceof Map
          ? previousAttributes((Map<String, Object>) old, (Map<String, Object>) now) : old);
    }
    return previous;
  }
}

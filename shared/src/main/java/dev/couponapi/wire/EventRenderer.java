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
 * How each kind of object renders is what its resource registered ({@link #register}).
 */
public final class EventRenderer {

  /** How one kind of event object renders in a version, at an instant, with nothing expanded. */
  @FunctionalInterface
  public interface ObjectRenderer<T extends EventObject> {
    Map<String, Object> render(T object, ApiVersion version, Instant at);
  }

  private final Map<Class<?>, ObjectRenderer<?>> renderers = new java.util.concurrent.ConcurrentHashMap<>();

  /** Registers how objects of {@code type} render; a type registered twice is a wiring mistake. */
  public <T extends EventObject> void register(Class<T> type, ObjectRenderer<T> renderer) {
    if (renderers.putIfAbsent(type, renderer) != null) {
      throw new IllegalStateException("event object renderer registered twice: " + type.getSimpleName());
    }
  }

  public Map<String, Object> render(Event event, ApiVersion version, long pendingWebhooks) {
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
  public Map<String, Object> render(Event event) {
    return render(event, ApiVersion.parse(event.apiVersion()), event.pendingOrZero());
  }

  @SuppressWarnings("unchecked")
  private <T extends EventObject> Map<String, Object> renderObject(T object, ApiVersion version, Instant at) {
    ObjectRenderer<T> renderer = (ObjectRenderer<T>) renderers.get(object.getClass());
    if (renderer == null) {
      throw new IllegalArgumentException("no event renderer is registered for " + object.getClass().getSimpleName());
    }
    return renderer.render(object, version, at);
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

package dev.couponapi.domain;

import java.util.Set;

/** The filters of {@code GET /v1/events}: the types asked for (null: any) and delivery success (null: either). */
public record EventFilter(Set<EventType> types, Boolean deliverySuccess) {

  public static final EventFilter NONE = new EventFilter(null, null);

  /** Whether no event can pass: types were asked for and none of them exists. */
  public boolean acceptsNone() {
    return types != null && types.isEmpty();
  }

  /** Whether an event of this type may pass (what is known before the event is read in full). */
  public boolean acceptsType(String type) {
    return types == null || types.contains(new EventType(type));
  }

  public boolean accepts(Event event) {
    return (types == null || types.contains(event.type()))
        && (deliverySuccess == null || deliverySuccess == (event.pendingOrZero() == 0 && event.pendingWebhooks() != null));
  }
}

package dev.couponapi.domain;

import java.util.Set;

/** The filters of {@code GET /v1/events}: the types asked for (null: any) and delivery success (null: either). */
public record EventFilter(Set<EventType> types, Boolean deliverySuccess) {

  public static final EventFilter NONE = new EventFilter(null, null);

  public boolean accepts(Event event) {
    return (types == null || types.contains(event.type()))
        && (deliverySuccess == null || deliverySuccess == (event.pendingOrZero() == 0 && event.pendingWebhooks() != null));
  }
}

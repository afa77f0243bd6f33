package dev.couponapi.domain;

/**
 * An event about to be recorded with the change it describes; {@code previous} only for updates,
 * and {@code previousAt} (epoch seconds, or null for the event's own instant) when the object as it
 * was must render as it showed at another moment (a code the sweep switched off after it expired
 * showed active until then).
 */
public record EventDraft(EventType type, EventObject object, EventObject previous, Long previousAt) {

  public static EventDraft of(EventType type, EventObject object) {
    return new EventDraft(type, object, null, null);
  }

  public static EventDraft updated(EventType type, EventObject object, EventObject previous) {
    return new EventDraft(type, object, previous, null);
  }

  /** An update whose object as it was renders as it showed at {@code previousAt}. */
  public static EventDraft updatedAsOf(EventType type, EventObject object, EventObject previous, long previousAt) {
    return new EventDraft(type, object, previous, previousAt);
  }
}

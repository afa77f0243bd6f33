package dev.couponapi.domain;

/** An event about to be recorded with the change it describes; {@code previous} only for updates. */
public record EventDraft(EventType type, EventObject object, EventObject previous) {

  public static EventDraft of(EventType type, EventObject object) {
    return new EventDraft(type, object, null);
  }

  public static EventDraft updated(EventType type, EventObject object, EventObject previous) {
    return new EventDraft(type, object, previous);
  }
}

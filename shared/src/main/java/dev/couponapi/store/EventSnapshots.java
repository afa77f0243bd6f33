package dev.couponapi.store;

import dev.couponapi.domain.EventObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The snapshot layouts of every kind of event object, as the resources registered them: the
 * event store writes and reads events through these, so it knows no kind by name.
 */
public final class EventSnapshots {

  private final Map<String, EventSnapshot<?>> byKind = new LinkedHashMap<>();
  private final Map<Class<?>, EventSnapshot<?>> byType = new LinkedHashMap<>();

  /** A registry of these kinds (a test's store for one resource's events). */
  public static EventSnapshots of(EventSnapshot<?>... kinds) {
    EventSnapshots snapshots = new EventSnapshots();
    for (EventSnapshot<?> kind : kinds) {
      snapshots.register(kind);
    }
    return snapshots;
  }

  /** Registers a kind; a kind or type registered twice is a wiring mistake. */
  public synchronized void register(EventSnapshot<?> snapshot) {
    if (byKind.putIfAbsent(snapshot.kind(), snapshot) != null || byType.putIfAbsent(snapshot.type(), snapshot) != null) {
      throw new IllegalStateException("event object kind registered twice: " + snapshot.kind());
    }
  }

  @SuppressWarnings("unchecked")
  <T extends EventObject> EventSnapshot<T> of(T object) {
    EventSnapshot<?> snapshot = byType.get(object.getClass());
    if (snapshot == null) {
      throw new IllegalArgumentException("no event snapshot is registered for " + object.getClass().getSimpleName());
    }
    return (EventSnapshot<T>) snapshot;
  }

  EventSnapshot<?> ofKind(String kind) {
    EventSnapshot<?> snapshot = byKind.get(kind);
    if (snapshot == null) {
      throw new IllegalStateException("unknown event object kind: " + kind);
    }
    return snapshot;
  }
}

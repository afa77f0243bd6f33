package dev.couponapi.http;

import dev.couponapi.domain.EventObject;
import dev.couponapi.domain.EventType;
import dev.couponapi.store.EventSnapshot;
import dev.couponapi.store.EventSnapshots;
import dev.couponapi.wire.EventRenderer;
import java.util.List;

/**
 * One kind of object a resource's events carry: how an event keeps it ({@link EventSnapshot}), how
 * it renders in a version ({@link EventRenderer.ObjectRenderer}), and the event types that carry it.
 */
public record EventKind<T extends EventObject>(EventSnapshot<T> snapshot, EventRenderer.ObjectRenderer<T> renderer,
    List<EventType> types) {

  public static <T extends EventObject> EventKind<T> of(EventSnapshot<T> snapshot,
      EventRenderer.ObjectRenderer<T> renderer, EventType... types) {
    return new EventKind<>(snapshot, renderer, List.of(types));
  }

  /** Makes the kind known to the event store and the event renderer. */
  public void register(EventSnapshots snapshots, EventRenderer events) {
    snapshots.register(snapshot);
    events.register(snapshot.type(), renderer);
  }
}

package dev.couponapi.service;

import dev.couponapi.api.Ids;
import dev.couponapi.domain.Event;
import dev.couponapi.domain.EventDraft;
import dev.couponapi.domain.Origin;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.EventStore;
import dev.couponapi.store.RideAlong;
import java.time.Instant;
import java.util.List;

/** Turns the events of a change into the writes that commit with it (docs/events.md, "Recording"). */
public final class Events {

  private static final int ID_LENGTH = 24;

  private final EventStore store;

  public Events(EventStore store) {
    this.store = store;
  }

  /** The writes of {@code drafts}' events, each its own id, to ride in the change's transaction. */
  public RideAlong record(Tenant tenant, Origin origin, Instant now, List<EventDraft> drafts) {
    RideAlong all = null;
    for (EventDraft draft : drafts) {
      Event event = new Event("evt_" + Ids.random(ID_LENGTH), draft.type(), now.getEpochSecond(), tenant.livemode(),
          origin.accountVersion(), origin.requestId(), origin.idempotencyKey(), draft.object(), draft.previous(), null, null, draft.previousAt());
      all = RideAlong.and(all, store.record(tenant, event, now));
    }
    return all;
  }

  public RideAlong record(Tenant tenant, Origin origin, Instant now, EventDraft draft) {
    return record(tenant, origin, now, List.of(draft));
  }
}

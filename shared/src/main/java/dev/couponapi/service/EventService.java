package dev.couponapi.service;

import dev.couponapi.domain.Event;
import dev.couponapi.domain.EventFilter;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.EventStore;
import java.time.Instant;

/** Reading events (docs/events.md, "/v1/events"): only those of the last 30 days exist. */
public final class EventService {

  private final EventStore store;
  private final Finder<Event> finder;

  public EventService(EventStore store) {
    this.store = store;
    this.finder = Finder.withCursorRead("event", store::find, store::listKey);
  }

  public Event retrieve(Tenant tenant, String id, Instant now) {
    return finder.find(tenant, id, event -> event.keptAt(now.getEpochSecond()));
  }

  public Page<Event> list(Tenant tenant, EventFilter filter, ListRequest request, Instant now) {
    long oldestKept = now.getEpochSecond() - Event.RETENTION_SECONDS + 1;
    ListRequest kept = new ListRequest(request.limit(), request.startingAfter(), request.endingBefore(),
        request.createdFrom() == null ? oldestKept : Math.max(request.createdFrom(), oldestKept), request.createdTo());
    Finder.Cursors cursors = finder.cursors(tenant, request);
    return store.page(tenant, filter, kept, cursors.after(), cursors.before());
  }
}

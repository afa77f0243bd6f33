package dev.couponapi.http;

import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Event;
import dev.couponapi.domain.EventTypes;
import dev.couponapi.domain.Page;
import dev.couponapi.service.EventService;
import dev.couponapi.wire.EventParams;
import dev.couponapi.wire.EventRenderer;
import dev.couponapi.wire.ListParams;
import java.util.List;

/** The event routes (docs/events.md, "/v1/events"): each event in the version it was recorded in. */
public final class EventResource implements Resource {

  static final String URL = "/v1/events";

  private final EventService events;
  private final EventRenderer renderer;
  private final EventTypes types;

  /** {@code renderer} and {@code types}: as the other resources registered their events. */
  public EventResource(EventService events, EventRenderer renderer, EventTypes types) {
    this.events = events;
    this.renderer = renderer;
    this.types = types;
  }

  @Override
  public Permissions.Group group() {
    return Permissions.Group.EVENTS;
  }

  @Override
  public List<Operation> operations() {
    return List.of(retrieve(), list());
  }

  public Operation retrieve() {
    return Operation.get("RetrieveEventFunction", URL + "/{event}", "events.retrieve")
        .run(call -> renderer.render(events.retrieve(call.tenant(), call.id(), call.now())));
  }

  public Operation list() {
    return Operation.get("ListEventsFunction", URL, "events.list").params(EventParams.LIST).run(call -> {
      Page<Event> page = events.list(call.tenant(), EventParams.filter(call.params(), types),
          ListParams.request(call.params()), call.now());
      return ListParams.envelope(page, URL, renderer::render);
    });
  }
}

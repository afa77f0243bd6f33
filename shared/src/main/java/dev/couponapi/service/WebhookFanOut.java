package dev.couponapi.service;

import dev.couponapi.domain.Event;
import dev.couponapi.domain.Tenant;
import dev.couponapi.domain.WebhookEndpoint;
import dev.couponapi.store.EventStore;
import dev.couponapi.store.WebhookDeliveryStore;
import dev.couponapi.store.WebhookEndpointStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Hands a new event to the endpoints that receive its type (docs/events.md, "Delivery"): one
 * delivery per endpoint, written once however often the stream hands the event over; each run
 * sends the jobs again, which the worker ignores for deliveries that ended.
 */
public final class WebhookFanOut {

  private final EventStore events;
  private final WebhookEndpointStore endpoints;
  private final WebhookDeliveryStore deliveries;
  private final DeliveryQueue queue;

  public WebhookFanOut(EventStore events, WebhookEndpointStore endpoints, WebhookDeliveryStore deliveries,
      DeliveryQueue queue) {
    this.events = events;
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.queue = queue;
  }

  /** Fans out the event with this id; the endpoints it goes to (none when the event is gone). */
  public List<String> fanOut(Tenant tenant, String eventId) {
    Optional<Event> found = events.find(tenant, eventId);
    if (found.isEmpty()) {
      return List.of();
    }
    Event event = found.get();
    List<String> to = event.fannedTo();
    if (to == null) {
      List<String> receiving = endpoints.all(tenant).stream().filter(endpoint -> endpoint.receives(event.type()))
          .map(WebhookEndpoint::id).toList();
      to = deliveries.fanOut(tenant, event, receiving) ? receiving
          : events.find(tenant, eventId).map(Event::fannedTo).orElse(List.of());
    }
    for (String endpoint : to) {
      queue.send(new DeliveryQueue.Job(tenant, eventId, endpoint), Duration.ZERO);
    }
    return to;
  }
}

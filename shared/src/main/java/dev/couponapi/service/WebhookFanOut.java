package dev.couponapi.service;

import dev.couponapi.domain.Event;
import dev.couponapi.domain.Tenant;
import dev.couponapi.domain.WebhookEndpoint;
import dev.couponapi.store.EventStore;
import dev.couponapi.store.WebhookDeliveryStore;
import dev.couponapi.store.WebhookEndpointStore;
import java.util.List;
import java.util.Map;

/**
 * Hands a new event to the endpoints that receive its type (docs/events.md, "Delivery"): one
 * delivery per endpoint, written once however often the stream hands the event over; each run
 * sends the jobs again, which the worker ignores for deliveries that ended. A stream batch's events
 * of a tenant are read together, with the tenant's endpoints once.
 */
public final class WebhookFanOut {

  private final EventStore events;
  private final WebhookEndpointStore endpoints;
  private final WebhookDeliveryStore deliveries;
  private final JobQueue<DeliveryJob> queue;

  public WebhookFanOut(EventStore events, WebhookEndpointStore endpoints, WebhookDeliveryStore deliveries,
      JobQueue<DeliveryJob> queue) {
    this.events = events;
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.queue = queue;
  }

  /** Fans out the event with this id; the endpoints it goes to (none when the event is gone). */
  public List<String> fanOut(Tenant tenant, String eventId) {
    return batch(tenant, List.of(eventId)).fanOut(eventId);
  }

  /**
   * Reads what fanning out these events of one tenant needs, once for all of them: the tenant's
   * endpoints and, when it has any, the events (one BatchGetItem). A tenant without endpoints has
   * its events only marked as sent to none, unread.
   */
  public Batch batch(Tenant tenant, List<String> eventIds) {
    List<WebhookEndpoint> tenantEndpoints = endpoints.all(tenant);
    return new Batch(tenant, tenantEndpoints.isEmpty() ? null : events.findAll(tenant, eventIds), tenantEndpoints);
  }

  /** A stream batch's events of one tenant, read; each is fanned out on its own, so each can fail on its own. */
  public final class Batch {

    private final Tenant tenant;
    /** The events read, by id; null when the tenant has no endpoint, so that none needed reading. */
    private final Map<String, Event> found;
    private final List<WebhookEndpoint> tenantEndpoints;

    private Batch(Tenant tenant, Map<String, Event> found, List<WebhookEndpoint> tenantEndpoints) {
      this.tenant = tenant;
      this.found = found;
      this.tenantEndpoints = tenantEndpoints;
    }

    /** Fans out one of the batch's events; the endpoints it goes to (none when the event is gone). */
    public List<String> fanOut(String eventId) {
      if (found == null) {
        // endpoints it was sent to before, if any, are deleted: nothing to send again
        deliveries.sentToNone(tenant, eventId);
        return List.of();
      }
      Event event = found.get(eventId);
      if (event == null) {
        return List.of();
      }
      List<String> to = event.fannedTo();
      if (to == null) {
        List<String> receiving = tenantEndpoints.stream().filter(endpoint -> endpoint.receives(event.type()))
            .map(WebhookEndpoint::id).toList();
        to = deliveries.fanOut(tenant, event, receiving) ? receiving
            : events.find(tenant, eventId).map(Event::fannedTo).orElse(List.of());
      }
      for (String endpoint : to) {
        queue.send(new DeliveryJob(tenant, eventId, endpoint));
      }
      return to;
    }
  }
}

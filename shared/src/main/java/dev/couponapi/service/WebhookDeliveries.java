package dev.couponapi.service;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.domain.Event;
import dev.couponapi.domain.WebhookDelivery;
import dev.couponapi.domain.WebhookEndpoint;
import dev.couponapi.store.EventStore;
import dev.couponapi.store.WebhookDeliveryStore;
import dev.couponapi.store.WebhookEndpointStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * One attempt of one delivery (docs/events.md, "Delivery"): the event rendered in the endpoint's
 * version (else the event's), with the live count of pending endpoints, signed afresh and posted.
 * A 2xx ends it (counted once); a failure is tried again on the schedule, until it has failed.
 * A deleted or disabled endpoint, or an expired event, gets nothing more; an endpoint failing for
 * five days is disabled.
 */
public final class WebhookDeliveries {

  /** What the queue does with the job next. */
  public sealed interface Outcome {
    record Done(WebhookDelivery.Status status) implements Outcome {}

    record RetryAfter(Duration delay) implements Outcome {}
  }

  private final EventStore events;
  private final WebhookEndpointStore endpoints;
  private final EndpointHealth health;
  private final WebhookDeliveryStore deliveries;
  private final WebhookSender sender;
  private final RetrySchedule retries;
  private final Function<Event, Function<ApiVersion, byte[]>> renderer;
  private final Clock clock;
  private final DoubleSupplier random;

  /**
   * {@code renderer} gives, for an event, its JSON in a version with its live count (the wire
   * layer's, handed in so that this layer does not know it).
   */
  public WebhookDeliveries(EventStore events, WebhookEndpointStore endpoints, WebhookDeliveryStore deliveries,
      WebhookSender sender, RetrySchedule retries, Function<Event, Function<ApiVersion, byte[]>> renderer,
      Clock clock, DoubleSupplier random) {
    this.events = events;
    this.endpoints = endpoints;
    this.health = new EndpointHealth(endpoints);
    this.deliveries = deliveries;
    this.sender = sender;
    this.retries = retries;
    this.renderer = renderer;
    this.clock = clock;
    this.random = random;
  }

  public Outcome attempt(DeliveryJob job) {
    Optional<WebhookDelivery> found = deliveries.find(job.tenant(), job.eventId(), job.endpointId());
    if (found.isEmpty()) {
      return new Outcome.Done(WebhookDelivery.Status.ABANDONED);
    }
    WebhookDelivery delivery = found.get();
    if (delivery.status() != WebhookDelivery.Status.PENDING) {
      return new Outcome.Done(delivery.status());
    }
    long now = clock.instant().getEpochSecond();
    Optional<WebhookEndpointStore.Stored> stored = endpoints.find(job.tenant(), job.endpointId())
        .filter(live -> !live.endpoint().disabled());
    Optional<Event> event = events.find(job.tenant(), job.eventId()).filter(kept -> kept.keptAt(now));
    if (stored.isEmpty() || event.isEmpty()) {
      deliveries.abandon(job.tenant(), delivery);
      return new Outcome.Done(WebhookDelivery.Status.ABANDONED);
    }
    WebhookEndpoint endpoint = stored.get().endpoint();
    String version = endpoint.apiVersion() != null ? endpoint.apiVersion() : event.get().apiVersion();
    byte[] body = renderer.apply(event.get()).apply(ApiVersion.parse(version));
    WebhookSender.Answer answer = sender.post(endpoint.url(), body,
        WebhookSignature.header(endpoint.secret(), clock.instant().getEpochSecond(), body));
    if (answer.acknowledged()) {
      deliveries.succeed(job.tenant(), delivery);
      health.succeeded(job.tenant(), stored.get());
      return new Outcome.Done(WebhookDelivery.Status.SUCCEEDED);
    }
    health.failed(job.tenant(), stored.get(), now);
    Optional<Duration> wait = retries.afterFailure(delivery.attempts() + 1, job.tenant().livemode(),
        event.get().created(), now, answer.overloaded(), random);
    WebhookDelivery.Status next = wait.isPresent() ? WebhookDelivery.Status.PENDING : WebhookDelivery.Status.FAILED;
    if (!deliveries.recordFailure(job.tenant(), delivery, answer.status(), next)) {
      return new Outcome.Done(deliveries.find(job.tenant(), job.eventId(), job.endpointId())
          .map(WebhookDelivery::status).orElse(WebhookDelivery.Status.ABANDONED));
    }
    return wait.<Outcome>map(Outcome.RetryAfter::new).orElse(new Outcome.Done(WebhookDelivery.Status.FAILED));
  }
}

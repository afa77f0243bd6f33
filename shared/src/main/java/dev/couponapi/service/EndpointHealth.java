package dev.couponapi.service;

import dev.couponapi.domain.Tenant;
import dev.couponapi.domain.WebhookEndpoint;
import dev.couponapi.store.WebhookEndpointStore;
import java.util.function.UnaryOperator;

/**
 * Keeps an endpoint's failing-since mark (docs/events.md, "Delivery"): set by its first failed
 * attempt, cleared by a success, and the endpoint disabled once it has failed for five days. It
 * writes only when the mark changes, so a healthy endpoint's deliveries cost nothing more.
 */
final class EndpointHealth {

  private final WebhookEndpointStore endpoints;

  EndpointHealth(WebhookEndpointStore endpoints) {
    this.endpoints = endpoints;
  }

  void failed(Tenant tenant, WebhookEndpointStore.Stored read, long now) {
    apply(tenant, read, endpoint -> endpoint.afterFailure(now));
  }

  void succeeded(Tenant tenant, WebhookEndpointStore.Stored read) {
    apply(tenant, read, WebhookEndpoint::afterSuccess);
  }

  /** Applies {@code change} to the endpoint as read, or as read again when an update came between. */
  private void apply(Tenant tenant, WebhookEndpointStore.Stored read, UnaryOperator<WebhookEndpoint> change) {
    ReadThenWrite.untilUnchanged(read, () -> endpoints.find(tenant, read.endpoint().id()), found -> {
      WebhookEndpoint next = change.apply(found.endpoint());
      if (!next.equals(found.endpoint())) {
        endpoints.recordHealth(tenant, found, next);
      }
    });
  }
}

package dev.couponapi.domain;

import java.util.List;
import java.util.Map;

/**
 * Where a tenant's events are sent (docs/events.md, "Webhook endpoints"). {@code apiVersion} renders
 * what it receives (null: the account's default at each event); {@code secret} signs each delivery.
 */
public record WebhookEndpoint(
    String id,
    String url,
    List<String> enabledEvents,
    String apiVersion,
    String description,
    Map<String, String> metadata,
    boolean disabled,
    String secret,
    long created,
    boolean livemode) {

  /** Stripe's limit of endpoints per account (and mode). */
  public static final int MAX_PER_ACCOUNT = 16;

  public WebhookEndpoint {
    enabledEvents = List.copyOf(enabledEvents);
    metadata = Map.copyOf(metadata);
  }

  /** Whether an event of this type goes to this endpoint now. */
  public boolean receives(EventType type) {
    return !disabled && type.enabledBy(enabledEvents);
  }

  public WebhookEndpoint changedBy(WebhookEndpointChanges changes) {
    return new WebhookEndpoint(id, changes.url() != null ? changes.url() : url,
        changes.enabledEvents() != null ? changes.enabledEvents() : enabledEvents, apiVersion,
        changes.description() != null ? changes.description().orElse(null) : description,
        changes.metadata().applyTo(metadata), changes.disabled() != null ? changes.disabled() : disabled, secret,
        created, livemode);
  }
}

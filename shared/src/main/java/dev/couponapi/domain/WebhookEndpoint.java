package dev.couponapi.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where a tenant's events are sent (docs/events.md, "Webhook endpoints"). {@code apiVersion} renders
 * what it receives (null: the account's default at each event); {@code secret} signs each delivery.
 * {@code failingSince} (epoch seconds, null while it answers) is when its deliveries began to fail:
 * five days of that and it is disabled (docs/events.md, "Delivery").
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
    boolean livemode,
    Long failingSince) {

  /** Stripe's limit of endpoints per account (and mode). */
  public static final int MAX_PER_ACCOUNT = 16;

  /** How long an endpoint may go without a successful delivery before it is disabled (DECISION). */
  public static final Duration FAILING_LIMIT = Duration.ofDays(5);

  public WebhookEndpoint {
    enabledEvents = List.copyOf(enabledEvents);
    metadata = Map.copyOf(metadata);
  }

  /** Whether an event of this type goes to this endpoint now. */
  public boolean receives(EventType type) {
    return !disabled && type.enabledBy(enabledEvents);
  }

  /** Re-enabling an endpoint starts its five days afresh. */
  public WebhookEndpoint changedBy(WebhookEndpointChanges changes) {
    boolean nowDisabled = changes.disabled() != null ? changes.disabled() : disabled;
    return new WebhookEndpoint(id, changes.url() != null ? changes.url() : url,
        changes.enabledEvents() != null ? changes.enabledEvents() : enabledEvents, apiVersion,
        changes.description() != null ? changes.description().orElse(null) : description,
        changes.metadata().applyTo(metadata), nowDisabled, secret, created, livemode,
        disabled && !nowDisabled ? null : failingSince);
  }

  /** After a failed attempt at {@code now}: failing from now on, or disabled once failing for five days. */
  public WebhookEndpoint afterFailure(long now) {
    if (failingSince == null) {
      return withHealth(false, now);
    }
    return now - failingSince >= FAILING_LIMIT.toSeconds() ? withHealth(true, failingSince) : this;
  }

  /** After a successful delivery: no longer failing. */
  public WebhookEndpoint afterSuccess() {
    return failingSince == null ? this : withHealth(disabled, null);
  }

  private WebhookEndpoint withHealth(boolean nowDisabled, Long since) {
    return new WebhookEndpoint(id, url, enabledEvents, apiVersion, description, metadata, nowDisabled, secret, created,
        livemode, since);
  }
}

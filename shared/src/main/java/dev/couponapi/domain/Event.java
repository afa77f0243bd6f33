package dev.couponapi.domain;

/**
 * One recorded change (docs/events.md): never changed after it is written, except for how many
 * endpoints still have to acknowledge it. {@code previous} is the object before an update (null
 * for other types); {@code pendingWebhooks} and {@code fannedTo} (the endpoints it is delivered to)
 * are null until the event was fanned out; {@code previousAt} is when {@code previous} renders as
 * it showed (null: the event's instant).
 */
public record Event(
    String id,
    EventType type,
    long created,
    boolean livemode,
    String apiVersion,
    String requestId,
    String idempotencyKey,
    EventObject object,
    EventObject previous,
    Long pendingWebhooks,
    java.util.List<String> fannedTo,
    Long previousAt) {

  /** Events are kept (and listed) this long. */
  public static final long RETENTION_SECONDS = 30L * 24 * 3600;

  public long pendingOrZero() {
    return pendingWebhooks == null ? 0 : pendingWebhooks;
  }

  /** Whether the event is still within its 30 days at {@code now} (TTL deletion is lazy). */
  public boolean keptAt(long now) {
    return now - created < RETENTION_SECONDS;
  }
}

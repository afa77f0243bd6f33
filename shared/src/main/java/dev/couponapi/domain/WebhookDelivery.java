package dev.couponapi.domain;

/** One event's delivery to one endpoint: still being tried, or how it ended, after how many attempts. */
public record WebhookDelivery(String eventId, String endpointId, Status status, int attempts) {

  public enum Status {
    PENDING, SUCCEEDED, FAILED,
    /** The endpoint was deleted or disabled, or the event expired, before it was acknowledged. */
    ABANDONED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Status fromWire(String value) {
      return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
  }
}

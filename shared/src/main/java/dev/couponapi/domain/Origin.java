package dev.couponapi.domain;

/**
 * What caused a change, as its event records it: the API request (its id and Idempotency-Key) or
 * the expiry sweep (both null), and the account's default API version at that moment, which
 * renders the event on {@code /v1/events} for ever after.
 */
public record Origin(String requestId, String idempotencyKey, String accountVersion) {

  /** A change the expiry sweep made. */
  public static Origin automatic(String accountVersion) {
    return new Origin(null, null, accountVersion);
  }
}

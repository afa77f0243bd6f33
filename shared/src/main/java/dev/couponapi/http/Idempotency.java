package dev.couponapi.http;

import dev.couponapi.domain.Tenant;
import dev.couponapi.store.IdempotencyStore;
import dev.couponapi.api.ApiException;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Errors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Idempotency keys on POST requests (docs/api.md §1.5): claim, replay, or refuse. */
public final class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  static final int MAX_KEY_LENGTH = 255;

  private final IdempotencyStore store;
  private final Clock clock;

  public Idempotency(IdempotencyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The answer to a request whose key already has a stored response. */
  static final class Replay extends RuntimeException {
    private final IdempotencyStore.StoredResponse stored;

    Replay(IdempotencyStore.StoredResponse stored) {
      super(null, null, false, false);
      this.stored = stored;
    }

    ApiResponse response(String requestId) {
      return new ApiResponse(stored.status(), ResponseHeaders.replay(stored.status(), requestId,
          stored.headers().get("Stripe-Version"), stored.headers().get("Request-Id")),
          stored.body().getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Claims the key of a POST for this request. Without a key (or not a POST): {@link
   * IdempotencyGuard#NONE}. Throws {@link Replay} when the key holds a response for the same
   * request, and an {@link ApiException} for a different request (400) or one still running (409).
   */
  IdempotencyGuard begin(GatewayRequest request, Tenant tenant, Map<String, Object> parameters, String requestId,
      ApiVersion version) {
    String key = request.header(HEADER);
    if (!"POST".equals(request.method()) || key == null || key.isEmpty()) {
      return IdempotencyGuard.NONE;
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw Errors.idempotencyKeyTooLong();
    }
    String fingerprint = Fingerprint.of(request.method(), request.path(), parameters);
    try {
      store.claim(tenant, key, fingerprint, requestId, clock.instant());
    } catch (IdempotencyStore.Taken taken) {
      IdempotencyStore.Existing existing = taken.existing();
      if (existing.fingerprint() != null && !existing.fingerprint().equals(fingerprint)) {
        throw Errors.idempotencyMismatch(key);
      }
      if (existing.inFlight()) {
        throw Errors.idempotencyKeyInUse();
      }
      if (existing.committed()) {
        // its write was made and its answer lost: this request answers for it, writing nothing again
        return IdempotencyGuard.resuming(store, tenant, key, existing.token(),
            Map.of("Stripe-Version", version.value(), "Request-Id", requestId));
      }
      throw new Replay(existing.response());
    }
    return new IdempotencyGuard(store, tenant, key, requestId,
        Map.of("Stripe-Version", version.value(), "Request-Id", requestId));
  }
}

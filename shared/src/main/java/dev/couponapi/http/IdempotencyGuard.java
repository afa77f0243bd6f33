package dev.couponapi.http;

import dev.couponapi.domain.Tenant;
import dev.couponapi.store.IdempotencyStore;
import dev.couponapi.store.IdempotencyStore.StoredResponse;
import dev.couponapi.store.RideAlong;
import dev.couponapi.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A request's hold on its idempotency key, from the claim to the stored response. {@link #NONE}
 * stands for requests without a key, so that operations never need to ask whether there is one.
 */
public class IdempotencyGuard {

  /** No key: nothing rides along, nothing is stored or released. */
  public static final IdempotencyGuard NONE = new IdempotencyGuard();

  private final IdempotencyStore store;
  private final Tenant tenant;
  private final String key;
  private final String token;
  private final Map<String, String> headers;
  private final boolean resuming;
  private byte[] committedBody;

  private IdempotencyGuard() {
    this(null, null, null, null, Map.of());
  }

  IdempotencyGuard(IdempotencyStore store, Tenant tenant, String key, String token, Map<String, String> headers) {
    this(store, tenant, key, token, headers, false);
  }

  private IdempotencyGuard(IdempotencyStore store, Tenant tenant, String key, String token,
      Map<String, String> headers, boolean resuming) {
    this.store = store;
    this.tenant = tenant;
    this.key = key;
    this.token = token;
    this.headers = headers;
    this.resuming = resuming;
  }

  /** The guard of a retry whose earlier request ({@code token}) committed its write and lost its answer. */
  static IdempotencyGuard resuming(IdempotencyStore store, Tenant tenant, String key, String token,
      Map<String, String> headers) {
    return new IdempotencyGuard(store, tenant, key, token, headers, true);
  }

  /**
   * Whether an earlier request with this key already made this request's write: the operation then
   * writes nothing and answers with the object as it is (its response is stored for later replays).
   */
  public boolean alreadyWritten() {
    return resuming;
  }

  /**
   * The mark of this key as committed, to ride in the transaction of a write whose response comes
   * after it (an update that redeems); null without a key.
   */
  public RideAlong commitMark() {
    return store == null ? null : store.commitMark(tenant, key, token);
  }

  /**
   * The completion of this key with a 200 of {@code body}, for an operation whose single write
   * can carry it in one transaction; null without a key (write the object alone).
   */
  public RideAlong rideAlongFor(Object body) {
    if (store == null) {
      return null;
    }
    byte[] bytes = Json.write(body);
    RideAlong completion = store.completion(tenant, key, token,
        new StoredResponse(200, new String(bytes, StandardCharsets.UTF_8), headers));
    committedBody = bytes;
    return completion;
  }

  /** The body bytes stored by the transaction, when the operation returned after it committed. */
  byte[] committedBody() {
    return committedBody;
  }

  /** Stores the final response, unless it already rode along with the operation's write. */
  void finish(ApiResponse response) {
    if (store == null || (committedBody != null && response.status() == 200)) {
      return;
    }
    store.complete(tenant, key, token, new StoredResponse(response.status(), response.bodyText(), headers));
  }

  /** Gives the key back: the request failed validation or with a 5xx. */
  void release() {
    if (store != null) {
      store.release(tenant, key, token);
    }
  }
}

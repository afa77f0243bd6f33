package dev.couponapi.http;

import dev.couponapi.domain.Tenant;
import dev.couponapi.service.Change;
import dev.couponapi.store.IdempotencyStore;
import dev.couponapi.store.IdempotencyStore.StoredResponse;
import dev.couponapi.store.RideAlong;
import dev.couponapi.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

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
  private Object answered;
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
   * The completion of this key for a change whose answer {@code render} makes from its result: the
   * answer itself, stored by a create's transaction; the commit mark, by a redeeming update's; and
   * whether an earlier request with this key already made the write (then nothing is written again).
   */
  Change.Completion completion(Function<Object, Object> render) {
    return new Change.Completion() {
      public RideAlong answer(Object result) {
        if (store == null) {
          return null;
        }
        byte[] bytes = Json.write(render.apply(result));
        RideAlong completion = store.completion(tenant, key, token,
            new StoredResponse(200, new String(bytes, StandardCharsets.UTF_8), headers));
        answered = result;
        committedBody = bytes;
        return completion;
      }

      public RideAlong mark() {
        return store == null ? null : store.commitMark(tenant, key, token);
      }

      public boolean alreadyWritten() {
        return resuming;
      }
    };
  }

  /** The body the transaction stored, when {@code result} is what it stored it for (a create renders once). */
  byte[] committedBody(Object result) {
    return result != null && result == answered ? committedBody : null;
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

package dev.couponapi.local;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * API Gateway's cache of authorizer decisions, as the deployment has it: keyed by the identity
 * source (the Authorization header), kept for the template's {@code ReauthorizeEvery}, Allow and
 * Deny alike; a request costs no key lookup while it is cached. A key made, rolled or revoked makes
 * it forget them all ({@link #forget}), as the admin function flushes the stage's on AWS.
 */
final class AuthorizerCache<D> {

  /** More identities than this and the cache starts afresh, so it can never grow without bound. */
  static final int MAX_ENTRIES = 10_000;

  private record Entry<D>(D decision, long expiresAtMillis) {}

  private final long ttlMillis;
  private final LongSupplier clockMillis;
  private final Map<String, Entry<D>> entries = new ConcurrentHashMap<>();

  AuthorizerCache(int ttlSeconds, LongSupplier clockMillis) {
    this.ttlMillis = ttlSeconds * 1000L;
    this.clockMillis = clockMillis;
  }

  /** Forgets every decision (a key was revoked or rolled). */
  void forget() {
    entries.clear();
  }

  /** The cached decision for this identity, or the authorizer's, cached from now on. */
  D decide(String identity, Function<String, D> authorizer) {
    if (ttlMillis <= 0) {
      return authorizer.apply(identity);
    }
    long now = clockMillis.getAsLong();
    Entry<D> cached = entries.get(identity);
    if (cached != null && now < cached.expiresAtMillis()) {
      return cached.decision();
    }
    D decision = authorizer.apply(identity);
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(identity, new Entry<>(decision, now + ttlMillis));
    return decision;
  }
}

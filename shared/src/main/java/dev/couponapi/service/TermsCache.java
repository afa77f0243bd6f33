package dev.couponapi.service;

import dev.couponapi.domain.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The terms of the coupons and codes this container redeems, kept for a few seconds so that a hot
 * code is not read on every redemption (docs/design.md, "Hot codes"). What decides a redemption
 * never comes from here: the shards' conditions do, and a term that would refuse is read again
 * before it does. What a response shows from here (a coupon's name, its count) is at most
 * {@code ttl} old. A zero {@code ttl} keeps nothing.
 */
final class TermsCache {

  /** Entries kept at most; a full cache starts afresh. */
  private static final int CAPACITY = 10_000;

  private record Entry(Object value, Instant readAt) {}

  private final Duration ttl;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  TermsCache(Duration ttl) {
    this.ttl = ttl;
  }

  /** What {@code key} names, if it was kept less than {@code ttl} before {@code now} and {@code usable} still. */
  <T> Optional<T> kept(Tenant tenant, String key, Instant now, Predicate<T> usable) {
    Entry entry = entries.get(name(tenant, key));
    if (entry == null || !now.isBefore(entry.readAt().plus(ttl)) || now.isBefore(entry.readAt())) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    T kept = (T) entry.value();
    return usable.test(kept) ? Optional.of(kept) : Optional.empty();
  }

  /** What {@code key} names: kept (see {@link #kept}), else read, and kept when usable. */
  <T> Optional<T> get(Tenant tenant, String key, Instant now, Supplier<Optional<T>> read, Predicate<T> usable) {
    Optional<T> kept = kept(tenant, key, now, usable);
    if (kept.isPresent()) {
      return kept;
    }
    Optional<T> fresh = read.get();
    fresh.filter(usable).ifPresent(value -> put(tenant, key, value, now));
    return fresh;
  }

  private static String name(Tenant tenant, String key) {
    return tenant.account() + "#" + tenant.livemode() + "#" + key;
  }

  /** Keeps nothing more of {@code key}: what it named refused a redemption, so it has changed. */
  void forget(Tenant tenant, String key) {
    entries.remove(name(tenant, key));
  }

  /** Keeps {@code value} under {@code key} as read at {@code now}. */
  <T> void put(Tenant tenant, String key, T value, Instant now) {
    if (ttl.isZero()) {
      return;
    }
    if (entries.size() >= CAPACITY) {
      entries.clear();
    }
    entries.put(name(tenant, key), new Entry(value, now));
  }
}

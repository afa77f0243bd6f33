package dev.couponapi.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which shards one counter of a redemption takes its units from, attempt after attempt: the next
 * shard in this container's turn for the counter (which starts at a random shard), skipping those
 * tried and those known to be empty; when none is left, one consistent read of all shards, and the
 * units split over those that still have some. None then is a final refusal: {@code left} only
 * ever falls, so a shard seen empty stays empty. Taking turns rather than picking independently at
 * random keeps the busiest shard near the average (BENCHMARKS.md, "Hot codes").
 */
final class ShardPicker {

  /** A take of {@code amount} units from shard {@code shard}. */
  record Take(int shard, long amount) {}

  /** The one take of a counter stored before sharding: its own item's update. */
  static final Take LEGACY = new Take(-1, 0);

  /** Shards this container has seen empty (no resharding, no refills: it stays true); bounded. */
  private static final Set<String> EMPTY = ConcurrentHashMap.newKeySet();
  private static final int EMPTY_REMEMBERED = 100_000;
  /** Whose turn it is next, per counter, in this container; each starts at a random shard. */
  private static final Map<String, java.util.concurrent.atomic.AtomicInteger> TURNS = new ConcurrentHashMap<>();

  private final Redemption.Count count;
  private final Instant now;
  private final Supplier<List<CounterShards.Shard>> readAll;
  private final IntFunction<String> keyOf;
  private final Set<Integer> tried = new HashSet<>();

  ShardPicker(Redemption.Count count, Instant now, Supplier<List<CounterShards.Shard>> readAll,
      IntFunction<String> keyOf) {
    this.count = count;
    this.now = now;
    this.readAll = readAll;
    this.keyOf = keyOf;
  }

  /** This attempt's takes; empty when the counter can give no more (a final refusal). */
  List<Take> next() {
    int shards = count.counter().shards();
    int turn = turn();
    for (int step = 0; step < shards; step++) {
      int shard = Math.floorMod(turn + step, shards);
      if (!tried.contains(shard) && !(count.capped() && EMPTY.contains(keyOf.apply(shard)))) {
        tried.add(shard);
        return List.of(new Take(shard, count.count()));
      }
    }
    return split(readAll.get());
  }

  private int turn() {
    if (TURNS.size() >= EMPTY_REMEMBERED) {
      TURNS.clear();
    }
    return TURNS.computeIfAbsent(keyOf.apply(0), key -> new java.util.concurrent.atomic.AtomicInteger(
        ThreadLocalRandom.current().nextInt(count.counter().shards()))).getAndIncrement();
  }

  /** The units spread over the shards that have some, as one read found them; empty when they have too few. */
  private List<Take> split(List<CounterShards.Shard> shards) {
    List<CounterShards.Shard> giving = new ArrayList<>();
    for (CounterShards.Shard shard : shards) {
      if (shard.refuses(count.customer(), now)) {
        return List.of();
      }
      if (!count.capped() || shard.left() > 0) {
        giving.add(shard);
      } else {
        remember(shard.index());
      }
    }
    java.util.Collections.shuffle(giving, ThreadLocalRandom.current());
    List<Take> takes = new ArrayList<>();
    long needed = count.count();
    for (CounterShards.Shard shard : giving) {
      long amount = count.capped() ? Math.min(needed, shard.left()) : needed;
      takes.add(new Take(shard.index(), amount));
      needed -= amount;
      if (needed == 0) {
        return takes;
      }
    }
    return List.of();
  }

  /**
   * Learns from a refused take ({@code old}: the shard as it was). True when another shard may still
   * give (this one had too few left); false when the refusal is final.
   */
  boolean refusedBy(Take take, Map<String, AttributeValue> old) {
    if (old.isEmpty()) {
      return false;
    }
    CounterShards.Shard shard = CounterShards.Shard.of(take.shard(), old);
    if (shard.refuses(count.customer(), now)) {
      return false;
    }
    if (shard.left() != null && shard.left() == 0) {
      remember(take.shard());
    }
    tried.add(take.shard());
    return true;
  }

  private void remember(int shard) {
    if (EMPTY.size() >= EMPTY_REMEMBERED) {
      EMPTY.clear();
    }
    EMPTY.add(keyOf.apply(shard));
  }
}

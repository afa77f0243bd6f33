package dev.couponapi.ddblocal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The engine's answers to reads, given again while nothing has been written since. DynamoDB Local
 * spends most of a small read on its own bookkeeping (each item a job on its single SQLite
 * thread), which is what keeps {@code ./run-local serve}'s reads behind localstripe's
 * (bench/JOURNAL.md); an answer to the same request, with no write in between, is the same answer.
 *
 * <p>Every client of the engine goes through one cache: the HTTP endpoint (the AWS CLI,
 * {@code invoke}, {@code sweep}, {@code keys}) and the in-process client. Any call that is not a
 * known read or description counts as a write: an answer is kept only from a read that began while
 * no write was running, and given again only while no write has begun since that read began. A
 * read concurrent with a write may see the old answer, as it may from the engine.
 * What bypasses the clients is the engine's own background work (its TTL deletion, an index's
 * backfill after an UpdateTable): an answer is therefore given again for at most {@link #MAX_AGE},
 * so such a change shows within a second (expired items are filtered at read time by this API
 * anyway, as on AWS, where TTL deletion is late by up to days).
 */
final class ReadCache {

  /** About how many items the kept answers may hold in all (some 40 MB of small items); past it, it starts over. */
  static final int MAX_ITEMS = 20_000;
  /** How long an answer is given again at most, in nanoseconds. */
  static final long MAX_AGE = 1_000_000_000L;

  private record Answer(long writesBegun, long madeAt, Object response) {}

  private final AtomicLong begun = new AtomicLong();
  private final AtomicLong ended = new AtomicLong();
  private final Map<Object, Answer> answers = new ConcurrentHashMap<>();
  private int items;
  /** The write count every kept answer was made at. */
  private long keptSince;
  private final LongAdder hits = new LongAdder();

  /** {@code client}, with its reads answered from this cache while nothing was written. */
  DynamoDbClient wrap(DynamoDbClient client) {
    return ClientProxy.of((method, args) -> call(client, method, args));
  }

  /** How many reads were answered from the cache (for tests and benchmarks). */
  long hits() {
    return hits.sum();
  }

  private Object call(DynamoDbClient client, Method method, Object[] args) throws Throwable {
    if (ClientProxy.READS.contains(method.getName()) && args != null && args.length == 1) {
      return read(client, method, args[0]);
    }
    if (!ClientProxy.writes(method)) {
      return ClientProxy.invoke(client, method, args);
    }
    begun.incrementAndGet();
    try {
      return ClientProxy.invoke(client, method, args);
    } finally {
      ended.incrementAndGet();
    }
  }

  private Object read(DynamoDbClient client, Method method, Object request) throws Throwable {
    // ended before begun: a write that ends between the two reads shows as running, never the reverse
    long endedBefore = ended.get();
    long begunBefore = begun.get();
    long now = System.nanoTime();
    Answer kept = answers.get(request);
    if (kept != null && kept.writesBegun() == begunBefore && now - kept.madeAt() < MAX_AGE) {
      hits.increment();
      return kept.response();
    }
    Object response = ClientProxy.invoke(client, method, new Object[] {request});
    if (begunBefore == endedBefore) {
      keep(request, new Answer(begunBefore, now, response));
    }
    return response;
  }

  /**
   * Keeps an answer made while no write was running, within {@link #MAX_ITEMS}. Only answers made
   * since the latest write are kept: the first of them drops the older ones, which can never be
   * given again, so under writes the cache holds no more than what was read since the last one.
   */
  private synchronized void keep(Object request, Answer answer) {
    if (answer.writesBegun() < keptSince) {
      return;
    }
    int size = size(answer.response());
    items += size;
    if (answer.writesBegun() > keptSince || items > MAX_ITEMS) {
      answers.clear();
      items = size;
      keptSince = answer.writesBegun();
    }
    answers.put(request, answer);
  }

  private static int size(Object response) {
    if (response instanceof QueryResponse query) {
      return Math.max(1, query.items().size());
    }
    if (response instanceof ScanResponse scan) {
      return Math.max(1, scan.items().size());
    }
    if (response instanceof BatchGetItemResponse batch) {
      return Math.max(1, batch.responses().values().stream().mapToInt(java.util.List::size).sum());
    }
    return 1;
  }
}

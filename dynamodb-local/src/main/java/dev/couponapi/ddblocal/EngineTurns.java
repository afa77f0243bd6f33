package dev.couponapi.ddblocal;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The engine's time, shared fairly between accounts. DynamoDB Local runs every call on one SQLite
 * thread under a table lock that is not fair, so a thread that calls it back to back (a batch
 * worker, a fan-out) takes it again and again while others wait: a 100-item transaction in a loop
 * made a one-item read wait 190 ms at the median (bench/JOURNAL.md). Here every call waits for a
 * turn, at most {@link #IN_ENGINE} in the engine at once; the next turn goes to the account that has
 * used the engine least so far (an account that starts waiting starts at most {@link #CREDIT} behind
 * the least served, so idling earns little), and within an account a request's call goes before
 * background work; a large BatchGetItem takes several turns. So an account that floods the engine
 * (a batch, the fan-out of its events, heavy reads) takes the time others leave, and another
 * account's call waits for the calls in progress at most.
 */
public final class EngineTurns {

  /** Calls in the engine at once: one runs while the next is decoded and encoded around it. */
  static final int IN_ENGINE = 2;
  /** How far behind the least served a returning account may start: what idling earns at most. */
  static final Duration CREDIT = Duration.ofMillis(100);
  /** Keys a BatchGetItem reads in one turn: a read of 100 events holds the engine for several ms. */
  static final int KEYS_PER_TURN = 25;
  /** Requests within this long count as still coming. */
  static final Duration RECENT = Duration.ofMillis(100);
  /** The line of work done for no account in particular (the sweep, the command line, key lookups). */
  private static final Object NO_ACCOUNT = new Object();

  /** Who is waiting in one account's line. */
  private static final class Line {
    final Deque<Waiter> requests = new ArrayDeque<>();
    final Deque<Waiter> background = new ArrayDeque<>();
    /** The engine time this account used (ns), as a virtual clock. */
    long used;

    boolean isEmpty() {
      return requests.isEmpty() && background.isEmpty();
    }
  }

  private static final class Waiter {
    boolean admitted;
  }

  /** A request's turn, ended by {@link #close()}. */
  public final class Request implements AutoCloseable {
    private Object account = NO_ACCOUNT;

    private Request() {}

    /** From now on its calls are this account's (once the key is known). */
    public void actFor(Object account) {
      this.account = account == null ? NO_ACCOUNT : account;
    }

    @Override
    public void close() {
      answering.remove();
      lock.lock();
      try {
        requests--;
        lastRequestEnded = System.nanoTime();
      } finally {
        lock.unlock();
      }
    }
  }

  private final ThreadLocal<Request> answering = new ThreadLocal<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private volatile Supplier<Object> laneOf = () -> null;
  /** The accounts with calls waiting. */
  private final Map<Object, Line> lines = new LinkedHashMap<>();
  /** The engine time of accounts seen lately (ns), kept while they come and go between calls. */
  private final Map<Object, Long> used = new HashMap<>();
  private int inEngine;
  private int requests;
  private long lastRequestEnded = System.nanoTime() - RECENT.toNanos();

  /** Whose work a thread not answering a request does ({@code laneOf}; null: nobody's in particular). */
  public void accountsBy(Supplier<Object> laneOf) {
    this.laneOf = laneOf;
  }

  /** A request in flight on this thread, until closed. */
  public Request request() {
    Request request = new Request();
    lock.lock();
    try {
      requests++;
    } finally {
      lock.unlock();
    }
    answering.set(request);
    return request;
  }

  /** Whether requests are being answered now or were a moment ago ({@link #RECENT}). */
  public boolean requestsComing() {
    lock.lock();
    try {
      return requests > 0 || System.nanoTime() - lastRequestEnded < RECENT.toNanos();
    } finally {
      lock.unlock();
    }
  }

  /** {@code client} with its calls taking their turns here. */
  DynamoDbClient around(DynamoDbClient client) {
    return ClientProxy.of((method, args) -> {
      if (ClientProxy.DESCRIPTIONS.contains(method.getName())) {
        return ClientProxy.invoke(client, method, args);
      }
      if (method.getName().equals("batchGetItem") && args[0] instanceof BatchGetItemRequest read
          && keys(read) > KEYS_PER_TURN) {
        return readInTurns(client, method, read);
      }
      return inTurn(client, method, args);
    });
  }

  private static int keys(BatchGetItemRequest read) {
    return read.requestItems().values().stream().mapToInt(table -> table.keys().size()).sum();
  }

  /**
   * A large BatchGetItem as several of {@link #KEYS_PER_TURN} keys, each in a turn of its own, with
   * one answer: the items found, and the keys left unread, as DynamoDB answers a batch read.
   */
  private Object readInTurns(DynamoDbClient client, Method method, BatchGetItemRequest read)
      throws Throwable {
    Map<String, List<Map<String, AttributeValue>>> found = new HashMap<>();
    Map<String, KeysAndAttributes> unread = new HashMap<>();
    List<ConsumedCapacity> consumed = new ArrayList<>();
    for (Map.Entry<String, KeysAndAttributes> table : read.requestItems().entrySet()) {
      List<Map<String, AttributeValue>> keys = table.getValue().keys();
      for (int from = 0; from < keys.size(); from += KEYS_PER_TURN) {
        KeysAndAttributes part = table.getValue().toBuilder()
            .keys(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_TURN))).build();
        BatchGetItemResponse answer = (BatchGetItemResponse) inTurn(client, method,
            new Object[] {read.toBuilder().requestItems(Map.of(table.getKey(), part)).build()});
        answer.responses().forEach((name, items) -> found.computeIfAbsent(name, any -> new ArrayList<>())
            .addAll(items));
        answer.unprocessedKeys().forEach((name, left) -> unread.merge(name, left, (before, more) -> before.toBuilder()
            .keys(Stream.concat(before.keys().stream(), more.keys().stream()).toList()).build()));
        if (answer.hasConsumedCapacity()) {
          consumed.addAll(answer.consumedCapacity());
        }
      }
    }
    BatchGetItemResponse.Builder answer = BatchGetItemResponse.builder().responses(found).unprocessedKeys(unread);
    return (read.returnConsumedCapacity() == null ? answer : answer.consumedCapacity(consumed)).build();
  }

  /** The call, once it is its turn: a request's for its account, other work for the account {@code laneOf} names. */
  private Object inTurn(DynamoDbClient client, Method method, Object[] args) throws Throwable {
    Request request = answering.get();
    Object named = request != null ? request.account : laneOf.get();
    Object account = named == null ? NO_ACCOUNT : named;
    awaitTurn(account, request != null);
    long started = System.nanoTime();
    try {
      return ClientProxy.invoke(client, method, args);
    } finally {
      turnEnded(account, System.nanoTime() - started);
    }
  }

  private void awaitTurn(Object account, boolean forRequest) throws InterruptedException {
    Waiter waiter = new Waiter();
    lock.lock();
    try {
      Line line = lines.computeIfAbsent(account, this::newLine);
      (forRequest ? line.requests : line.background).add(waiter);
      admit();
      while (!waiter.admitted) {
        changed.await();
      }
    } catch (InterruptedException interrupted) {
      if (waiter.admitted) {
        inEngine--;
        admit();
      } else {
        Line line = lines.get(account);
        line.requests.remove(waiter);
        line.background.remove(waiter);
        if (line.isEmpty()) {
          lines.remove(account);
        }
      }
      throw interrupted;
    } finally {
      lock.unlock();
    }
  }

  /** A line for an account that starts waiting: level with the least served of those waiting, or its own past. */
  private Line newLine(Object account) {
    Line line = new Line();
    long least = lines.values().stream().mapToLong(other -> other.used).min().orElse(0L);
    line.used = Math.max(least - CREDIT.toNanos(), used.getOrDefault(account, least - CREDIT.toNanos()));
    return line;
  }

  /** Lets waiting calls in while there is room, each from the least served account. Under the lock. */
  private void admit() {
    while (inEngine < IN_ENGINE && !lines.isEmpty()) {
      Map.Entry<Object, Line> next = null;
      for (Map.Entry<Object, Line> entry : lines.entrySet()) {
        if (next == null || entry.getValue().used < next.getValue().used) {
          next = entry;
        }
      }
      Line line = next.getValue();
      Waiter waiter = line.requests.isEmpty() ? line.background.poll() : line.requests.poll();
      if (line.isEmpty()) {
        lines.remove(next.getKey());
        used.put(next.getKey(), line.used);
      }
      waiter.admitted = true;
      inEngine++;
    }
    changed.signalAll();
  }

  private void turnEnded(Object account, long took) {
    lock.lock();
    try {
      inEngine--;
      Line line = lines.get(account);
      if (line != null) {
        line.used += took;
      } else {
        used.merge(account, took, Long::sum);
      }
      if (used.size() > 1024) {
        used.clear(); // accounts seen long ago: forgotten, they start level again
      }
      admit();
    } finally {
      lock.unlock();
    }
  }
}

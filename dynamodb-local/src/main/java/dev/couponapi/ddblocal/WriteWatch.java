package dev.couponapi.ddblocal;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Counts the writes that reach one DynamoDB Local instance through its clients (the in-process
 * client and the HTTP endpoint), and lets a reader wait for the next: what {@code serve}'s stream
 * poller sleeps on, so that it reads the stream when something may have been written rather than
 * a hundred times a second. A write counts once it has ended (its stream records are there). The
 * engine's own background work (TTL deletion, an index backfill) is not seen: a reader that waits
 * gives up after the time it asks and reads anyway.
 */
public final class WriteWatch {

  private long ended;

  /** {@code client}, with every call that may write counted when it ends. */
  DynamoDbClient counting(DynamoDbClient client) {
    return ClientProxy.of((method, args) -> {
      if (!ClientProxy.writes(method)) {
        return ClientProxy.invoke(client, method, args);
      }
      try {
        return ClientProxy.invoke(client, method, args);
      } finally {
        ended();
      }
    });
  }

  /** How many writes have ended so far. */
  public synchronized long writes() {
    return ended;
  }

  /**
   * Waits until more than {@code seen} writes have ended, or {@code maxMillis} passed; returns the
   * count then.
   */
  public synchronized long awaitMoreThan(long seen, long maxMillis) throws InterruptedException {
    long deadline = System.nanoTime() + maxMillis * 1_000_000L;
    while (ended <= seen) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000L));
    }
    return ended;
  }

  private synchronized void ended() {
    ended++;
    notifyAll();
  }
}

package dev.couponapi.local;

import dev.couponapi.app.FanOutWork;
import dev.couponapi.ddblocal.WriteWatch;
import dev.couponapi.store.ApiKeyStore;
import dev.couponapi.store.Table;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What the stream trigger is on AWS, for {@code ./run-local serve}: reads the table's stream from
 * its oldest record, keeps the new events (by their keys: the local stream holds keys only, see
 * {@link Table#definition}), and hands them to the fan-out in the shape Lambda gives them, which
 * takes them fairly across accounts ({@link FairFanOut}), and to the coupon statistics' count
 * ({@link LocalStatsCount}); while the fan-out holds its most, the poller waits.
 * A change to any key tells {@code keysChanged} (the gateway then forgets its cached decisions).
 */
public final class StreamPoller implements AutoCloseable {

  /** The least time between two reads of the stream while writes go on. */
  static final Duration EVERY = Duration.ofMillis(10);
  /** How long it waits for a write it is told of before reading anyway (the engine's own deletions are not told). */
  static final Duration QUIET = Duration.ofSeconds(1);
  private static final int RECORDS_PER_READ = 1000;
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final DynamoDbClient dynamo;
  private final DynamoDbStreamsClient streams;
  private final String tableName;
  private final FairFanOut fanOut;
  private final LocalStatsCount stats;
  private final Runnable keysChanged;
  private final PrintStream err;
  private final WriteWatch writes;
  private final Map<String, String> iterators = new HashMap<>();
  private final Set<String> finished = new HashSet<>();
  private List<Shard> shards;
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * {@code writes}: the writes to the table, when this JVM runs its engine (it then reads the stream
   * after writes only); null for another DynamoDB, read every {@link #EVERY}.
   */
  public StreamPoller(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String tableName,
      FairFanOut fanOut, LocalStatsCount stats, Runnable keysChanged, PrintStream err, WriteWatch writes) {
    this.stats = stats;
    this.keysChanged = keysChanged;
    this.dynamo = dynamo;
    this.writes = writes;
    this.streams = streams;
    this.tableName = tableName;
    this.fanOut = fanOut;
    this.err = err;
    this.thread = new Thread(this::loop, "stream-poller");
    this.thread.setDaemon(true);
  }

  public StreamPoller start() {
    thread.start();
    return this;
  }

  private void loop() {
    String streamArn = null;
    long seen = -1;
    boolean readAgain = false;
    while (running) {
      try {
        if (streamArn == null) {
          streamArn = dynamo.describeTable(request -> request.tableName(tableName)).table().latestStreamArn();
        }
        if (!readAgain) {
          seen = awaitWrites(seen);
        }
        Read read = fanOut.full() ? Read.BACKED_UP : pollOnce(streamArn);
        readAgain = read == Read.FULL || read == Read.BACKED_UP;
        if (read != Read.FULL && (read != Read.NOTHING_NEW || writes == null)) {
          Thread.sleep(EVERY.toMillis());
        }
      } catch (InterruptedException stopped) {
        return;
      } catch (RuntimeException failed) {
        if (!running) {
          return; // stopped mid-read: the engine may be closing under it
        }
        err.println("webhook stream poll failed (" + failed + "); trying again");
        iterators.clear();
        shards = null;
        streamArn = null;
        sleepQuietly();
      }
    }
  }

  /**
   * Returns once something may have been written since {@code seen} writes (at once without a
   * watch), with the count then: a write made while the stream is read is read on the next round.
   */
  private long awaitWrites(long seen) throws InterruptedException {
    return writes == null ? seen : writes.awaitMoreThan(seen, QUIET.toMillis());
  }

  /** What one read of the stream brought. */
  private enum Read {
    /** The fan-out holds its most: the stream is read again after {@link #EVERY}, written to or not. */
    BACKED_UP,
    /** A shard's read came back full: the next follows at once. */
    FULL,
    /**
     * New events, handed to the fan-out: the poller waits {@link #EVERY} before reading again, so
     * that under a stream of changes it reads a batch of them at a time, sharing the engine with the
     * API's requests.
     */
    EVENTS,
    /**
     * No new event (the fan-out's and deliveries' own changes, say): the next write is read at once
     * (without a watch, after {@link #EVERY}).
     */
    NOTHING_NEW
  }

  /** One read of every open shard; with nothing written since, the poller then leaves the engine alone. */
  private Read pollOnce(String streamArn) {
    boolean full = false;
    boolean events = false;
    if (shards == null) {
      shards = streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards();
    }
    for (Shard shard : shards) {
      String id = shard.shardId();
      if (finished.contains(id)) {
        continue;
      }
      String iterator = iterators.computeIfAbsent(id, shardId -> streams.getShardIterator(request -> request
          .streamArn(streamArn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
      GetRecordsResponse read = streams.getRecords(request -> request.shardIterator(iterator).limit(RECORDS_PER_READ));
      List<Map<String, Object>> records = new ArrayList<>();
      boolean keyChanged = false;
      for (Record record : read.records()) {
        AttributeValue pk = record.dynamodb().keys().get(Table.PK);
        if (FanOutWork.isNewEvent(record.eventNameAsString(), pk == null ? null : pk.s())) {
          records.add(lambdaShaped(record));
        }
        keyChanged |= pk != null && ApiKeyStore.isKeyItem(pk.s());
      }
      if (keyChanged) {
        // a key made, rolled or revoked: the gateway forgets its decisions, as the admin function has
        // API Gateway's stage forget them
        keysChanged.run();
      }
      events |= !records.isEmpty();
      fanOut.add(records);
      stats.add(records);
      full |= read.records().size() >= RECORDS_PER_READ;
      if (read.nextShardIterator() == null) {
        // a closed shard: its children (if any) appear when the stream is described again
        finished.add(id);
        iterators.remove(id);
        shards = null;
      } else {
        iterators.put(id, read.nextShardIterator());
      }
    }
    return full ? Read.FULL : events ? Read.EVENTS : Read.NOTHING_NEW;
  }

  /** The record as Lambda hands a DynamoDB stream record to a function (only what the fan-out reads). */
  private static Map<String, Object> lambdaShaped(Record record) {
    Map<String, Object> keys = new LinkedHashMap<>();
    record.dynamodb().keys().forEach((name, value) -> keys.put(name, Map.of("S", value.s())));
    Map<String, Object> dynamodb = new LinkedHashMap<>();
    dynamodb.put("Keys", keys);
    dynamodb.put("SequenceNumber", record.dynamodb().sequenceNumber());
    Map<String, Object> shaped = new LinkedHashMap<>();
    shaped.put("eventID", record.eventID());
    shaped.put("eventName", record.eventNameAsString());
    shaped.put("eventSource", "aws:dynamodb");
    shaped.put("dynamodb", dynamodb);
    return shaped;
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException stopped) {
      running = false;
    }
  }

  /** Stops it, and waits (a few seconds at most) for its read in progress to end, before the engine closes. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

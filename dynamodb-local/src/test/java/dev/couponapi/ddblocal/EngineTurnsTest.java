package dev.couponapi.ddblocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Who goes next into the engine: the calls of a stand-in engine that holds each until told. */
class EngineTurnsTest {

  private static final ThreadLocal<String> WORKING_FOR = new ThreadLocal<>();

  private final Engine engine = new Engine();
  private final EngineTurns turns = new EngineTurns();
  private final DynamoDbClient client = turns.around(engine);
  private final List<Thread> callers = new ArrayList<>();

  EngineTurnsTest() {
    turns.accountsBy(WORKING_FOR::get);
  }

  @AfterEach
  void releaseEveryone() throws InterruptedException {
    engine.release.release(1000);
    for (Thread caller : callers) {
      caller.join(10_000);
    }
  }

  @Test
  void anotherAccountsCallWaitsOnlyForTheCallsInProgress() throws Exception {
    for (int i = 1; i <= 6; i++) {
      background("acct_flood", "flood-" + i);
    }
    awaitEntered(EngineTurns.IN_ENGINE);
    awaitAllWaiting();

    background("acct_quiet", "quiet-1");
    awaitAllWaiting();
    engine.release.release(1);

    awaitEntered(EngineTurns.IN_ENGINE + 1);
    assertThat(engine.entered.get(EngineTurns.IN_ENGINE)).as("the next call into the engine").isEqualTo("quiet-1");
  }

  @Test
  void aRequestGoesBeforeItsOwnAccountsBackgroundWork() throws Exception {
    for (int i = 1; i <= 5; i++) {
      background("acct_busy", "work-" + i);
    }
    awaitEntered(EngineTurns.IN_ENGINE);
    awaitAllWaiting();

    request("acct_busy", "request-1");
    awaitAllWaiting();
    engine.release.release(1);

    awaitEntered(EngineTurns.IN_ENGINE + 1);
    assertThat(engine.entered.get(EngineTurns.IN_ENGINE)).isEqualTo("request-1");
  }

  @Test
  void aLargeBatchReadTakesTurnsOfAFewKeysAndAnswersAsOneRead() {
    List<Map<String, AttributeValue>> keys = IntStream.range(0, 60)
        .mapToObj(i -> Map.of("pk", AttributeValue.fromS("k" + i))).toList();

    BatchGetItemResponse answer = client.batchGetItem(BatchGetItemRequest.builder()
        .requestItems(Map.of("table", KeysAndAttributes.builder().keys(keys).consistentRead(true).build())).build());

    assertThat(engine.batchReads).containsExactly(25, 25, 10);
    // the stand-in finds the first key of each read and leaves its last unread
    assertThat(answer.responses().get("table")).extracting(item -> item.get("pk").s())
        .containsExactlyInAnyOrder("k0", "k25", "k50");
    assertThat(answer.unprocessedKeys().get("table").keys()).extracting(key -> key.get("pk").s())
        .containsExactlyInAnyOrder("k24", "k49", "k59");
  }

  @Test
  void aSmallBatchReadIsOneCall() {
    client.batchGetItem(BatchGetItemRequest.builder().requestItems(Map.of("table", KeysAndAttributes.builder()
        .keys(Map.of("pk", AttributeValue.fromS("only"))).build())).build());

    assertThat(engine.batchReads).containsExactly(1);
  }

  private void background(String account, String name) {
    start(() -> {
      WORKING_FOR.set(account);
      get(name);
    });
  }

  private void request(String account, String name) {
    start(() -> {
      try (EngineTurns.Request request = turns.request()) {
        request.actFor(account);
        get(name);
      }
    });
  }

  private void get(String name) {
    client.getItem(GetItemRequest.builder().tableName("table").key(Map.of("pk", AttributeValue.fromS(name))).build());
  }

  private void start(Runnable call) {
    Thread thread = new Thread(call);
    thread.setDaemon(true);
    callers.add(thread);
    thread.start();
  }

  private void awaitEntered(int count) throws InterruptedException {
    for (long until = System.currentTimeMillis() + 10_000; engine.entered.size() < count
        && System.currentTimeMillis() < until; ) {
      Thread.sleep(1);
    }
    assertThat(engine.entered).hasSizeGreaterThanOrEqualTo(count);
  }

  /** Until every caller waits: for its turn, or in the engine for its release. */
  private void awaitAllWaiting() throws InterruptedException {
    for (long until = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < until; ) {
      if (callers.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING)) {
        return;
      }
      Thread.sleep(1);
    }
    throw new AssertionError("callers still running: " + callers.stream().map(Thread::getState).toList());
  }

  /** A stand-in engine: a GetItem is held until released; a BatchGetItem answers at once. */
  private static final class Engine implements DynamoDbClient {
    final List<String> entered = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> batchReads = Collections.synchronizedList(new ArrayList<>());
    final Semaphore release = new Semaphore(0);

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
      entered.add(request.key().get("pk").s());
      release.acquireUninterruptibly();
      return GetItemResponse.builder().build();
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
      List<Map<String, AttributeValue>> keys = request.requestItems().get("table").keys();
      batchReads.add(keys.size());
      return BatchGetItemResponse.builder()
          .responses(Map.of("table", List.of(keys.get(0))))
          .unprocessedKeys(Map.of("table", KeysAndAttributes.builder().keys(keys.get(keys.size() - 1)).build()))
          .build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }
}

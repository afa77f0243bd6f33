package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.ddblocal.WriteWatch;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * serve's stream poller waits for writes instead of reading the stream a hundred times a second:
 * every write through either client of the engine is counted and wakes a waiter; reads are not.
 */
class EngineWriteWatchTest {

  private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("watched"));

  @Test
  void writesThroughEitherClient_areCounted_andWakeAWaiter_readsAreNot() throws Exception {
    try (DynamoDbLocalServer server = DynamoDbLocalServer.inMemory(0); DynamoDbClient http = server.client()) {
      server.cacheReads();
      DynamoDbClient inProcess = server.inProcessClient();
      LocalTable.ensure(inProcess, LocalTable.NAME);
      WriteWatch writes = server.writes();
      long before = writes.writes();

      inProcess.getItem(r -> r.tableName(LocalTable.NAME).key(KEY));
      http.query(r -> r.tableName(LocalTable.NAME).keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("watched"))));
      http.describeTable(r -> r.tableName(LocalTable.NAME));
      assertThat(writes.writes()).as("reads and descriptions").isEqualTo(before);

      inProcess.putItem(r -> r.tableName(LocalTable.NAME).item(KEY));
      http.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().put(Put.builder()
          .tableName(LocalTable.NAME).item(Map.of("pk", AttributeValue.fromS("watched-2"))).build()).build()));
      // a refused write is a write call too: the poller reading once more finds nothing new
      catchThrowable(() -> http.putItem(r -> r.tableName(LocalTable.NAME).item(KEY)
          .conditionExpression("attribute_not_exists(pk)")));
      assertThat(writes.writes()).isEqualTo(before + 3);

      long seen = writes.writes();
      CompletableFuture<Long> woken = CompletableFuture.supplyAsync(() -> {
        try {
          return writes.awaitMoreThan(seen, TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      http.deleteItem(r -> r.tableName(LocalTable.NAME).key(KEY));
      assertThat(woken.get(1, TimeUnit.MINUTES)).as("woken by the write, not by the minute passing").isEqualTo(seen + 1);
      assertThat(writes.awaitMoreThan(seen + 1, 1)).as("nothing written: it gives up after the time asked")
          .isEqualTo(seen + 1);
    }
  }
}

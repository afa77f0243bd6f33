package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * DynamoDB Local runs every TransactWriteItems of the runner and the tests through one reused
 * function (TransactWrites): transactions still commit all or nothing, refuse with the reasons,
 * honour their client token, and stay exact when many run at once, through the in-process client
 * and over HTTP alike.
 */
class EngineTransactionsTest {

  private static DynamoDbLocalServer server;
  private static DynamoDbClient inProcess;
  private static DynamoDbClient http;

  @BeforeAll
  static void start() {
    server = DynamoDbLocalServer.inMemory(0);
    inProcess = server.inProcessClient();
    http = server.client();
    LocalTable.ensure(inProcess, LocalTable.NAME);
  }

  @AfterAll
  static void stop() {
    http.close();
    server.close();
  }

  @Test
  void theFunctionIsReused_onThisDynamoDbLocalBuild() {
    assertThat(server.reusesTransactionFunction()).as("DynamoDB Local's internals changed: see TransactWrites").isTrue();
  }

  @Test
  void aTransaction_commitsAllOrNothing_andRefusesWithItsReasons_bothWays() {
    for (DynamoDbClient client : List.of(inProcess, http)) {
      String prefix = client == inProcess ? "in-" : "http-";
      client.transactWriteItems(r -> r.transactItems(put(prefix + "a", "1"), put(prefix + "b", "1")));
      assertThat(value(prefix + "a")).isEqualTo("1");
      assertThat(value(prefix + "b")).isEqualTo("1");

      TransactionCanceledException refused = catchThrowableOfType(TransactionCanceledException.class,
          () -> client.transactWriteItems(r -> r.transactItems(put(prefix + "c", "2"), put(prefix + "a", "2"))));
      assertThat(refused.cancellationReasons()).extracting(reason -> reason.code()).containsExactly("None", "ConditionalCheckFailed");
      assertThat(refused.cancellationReasons().get(1).item()).containsEntry("v", AttributeValue.fromS("1"));
      assertThat(value(prefix + "c")).as("nothing of a refused transaction is written").isNull();
      assertThat(value(prefix + "a")).isEqualTo("1");
    }
  }

  @Test
  void aClientToken_answersTheSameRequestOnce_andRefusesAnotherOne_bothWays() {
    for (DynamoDbClient client : List.of(inProcess, http)) {
      String prefix = client == inProcess ? "in-token-" : "http-token-";
      String token = prefix + "token";
      client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(put(prefix + "x", "1")));
      // the same request again: answered as the first was, not refused by its own condition
      client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(put(prefix + "x", "1")));
      catchThrowableOfType(IdempotentParameterMismatchException.class,
          () -> client.transactWriteItems(r -> r.clientRequestToken(token).transactItems(put(prefix + "y", "1"))));
      assertThat(value(prefix + "y")).isNull();
    }
  }

  @Test
  void manyTransactionsAtOnce_eachCountOnce() throws Exception {
    inProcess.putItem(r -> r.tableName(LocalTable.NAME).item(Map.of("pk", AttributeValue.fromS("counter"),
        "n", AttributeValue.fromN("0"))));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        DynamoDbClient client = i % 2 == 0 ? inProcess : http;
        String id = "many-" + i;
        done.add(threads.submit(() -> client.transactWriteItems(r -> r.transactItems(put(id, "1"),
            TransactWriteItem.builder().update(Update.builder().tableName(LocalTable.NAME)
                .key(Map.of("pk", AttributeValue.fromS("counter"))).updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))).build()).build()))));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      threads.shutdown();
    }
    assertThat(inProcess.getItem(r -> r.tableName(LocalTable.NAME).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("counter")))).item().get("n").n()).isEqualTo("200");
  }

  private static TransactWriteItem put(String key, String value) {
    return TransactWriteItem.builder().put(Put.builder().tableName(LocalTable.NAME)
        .item(Map.of("pk", AttributeValue.fromS(key), "v", AttributeValue.fromS(value)))
        .conditionExpression("attribute_not_exists(pk)")
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
  }

  private static String value(String key) {
    AttributeValue value = http.getItem(r -> r.tableName(LocalTable.NAME).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS(key)))).item().get("v");
    return value == null ? null : value.s();
  }
}

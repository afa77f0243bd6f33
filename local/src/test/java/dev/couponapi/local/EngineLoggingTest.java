package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.simple.SimpleLoggerContextFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The engine's logging: it prints nothing of its own, as its shipped configuration has it, refusals
 * included, and without starting log4j's core for that (a second of every start).
 */
class EngineLoggingTest {

  @Test
  void theEngine_printsNothing_andLog4jCoreIsNotStarted() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try (DynamoDbLocalServer server = DynamoDbLocalServer.inMemory(0);
        DynamoDbClient inProcess = server.inProcessClient();
        DynamoDbClient http = server.client()) {
      inProcess.createTable(r -> r.tableName("logs").billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(a -> a.attributeName("k").attributeType(ScalarAttributeType.S))
          .keySchema(k -> k.attributeName("k").keyType(KeyType.HASH)));
      Map<String, AttributeValue> item = Map.of("k", AttributeValue.fromS("1"));
      inProcess.putItem(r -> r.tableName("logs").item(item));
      for (DynamoDbClient client : new DynamoDbClient[] {inProcess, http}) {
        assertThatThrownBy(() -> client.putItem(r -> r.tableName("logs").item(item)
            .conditionExpression("attribute_not_exists(k)"))).isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> client.getItem(r -> r.tableName("missing").key(item)))
            .isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> client.updateItem(r -> r.tableName("logs").key(item).updateExpression("SET = oops")))
            .isInstanceOf(DynamoDbException.class);
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(LogManager.getFactory()).isInstanceOf(SimpleLoggerContextFactory.class);
  }
}

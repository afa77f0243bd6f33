package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * serve calls DynamoDB Local's engine in-process, while the CLI and the AWS CLI use its HTTP
 * endpoint: one database, seen alike both ways, with the SDK's exceptions (what the stores read to
 * explain a refusal) intact.
 */
class InProcessClientTest {

  @Test
  void theInProcessClient_andTheHttpEndpoint_areOneDatabase_withTheSdksRefusals() {
    try (DynamoDbLocalServer server = DynamoDbLocalServer.inMemory(0)) {
      DynamoDbClient inProcess = server.inProcessClient();
      DynamoDbClient http = server.client();
      LocalTable.ensure(inProcess, LocalTable.NAME);
      inProcess.putItem(request -> request.tableName(LocalTable.NAME)
          .item(Map.of("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromS("written in-process"))));
      assertThat(http.getItem(request -> request.tableName(LocalTable.NAME).consistentRead(true)
          .key(Map.of("pk", AttributeValue.fromS("a")))).item()).containsEntry("v", AttributeValue.fromS("written in-process"));
      http.putItem(request -> request.tableName(LocalTable.NAME)
          .item(Map.of("pk", AttributeValue.fromS("b"), "v", AttributeValue.fromS("written over HTTP"))));
      assertThat(inProcess.getItem(request -> request.tableName(LocalTable.NAME).consistentRead(true)
          .key(Map.of("pk", AttributeValue.fromS("b")))).item()).containsEntry("v", AttributeValue.fromS("written over HTTP"));

      ConditionalCheckFailedException refused = catchThrowableOfType(ConditionalCheckFailedException.class,
          () -> inProcess.putItem(request -> request.tableName(LocalTable.NAME).item(Map.of("pk", AttributeValue.fromS("a")))
              .conditionExpression("attribute_not_exists(pk)")
              .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
      assertThat(refused.item()).containsEntry("v", AttributeValue.fromS("written in-process"));
      TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
          () -> inProcess.transactWriteItems(request -> request.transactItems(TransactWriteItem.builder()
              .put(Put.builder().tableName(LocalTable.NAME).item(Map.of("pk", AttributeValue.fromS("b")))
                  .conditionExpression("attribute_not_exists(pk)")
                  .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build())));
      assertThat(cancelled.cancellationReasons().get(0).code()).isEqualTo("ConditionalCheckFailed");
      assertThat(cancelled.cancellationReasons().get(0).item()).containsEntry("v", AttributeValue.fromS("written over HTTP"));
    }
  }
}

package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB Local with its table schemas parsed once (the runner's and the tests' engine): a schema
 * that changes (a TTL, a table made again differently, with an index) is the one the engine uses
 * next, through the in-process client and over HTTP alike. (Adding an index to a table with
 * UpdateTable is left out: DynamoDB Local 3.3.1 then fails the next write, cache or not.)
 */
class EngineSchemaCacheTest {

  private static final AttributeValue ONE = AttributeValue.fromS("1");

  @Test
  void theCacheIsInPlace_onThisDynamoDbLocalBuild() {
    try (DynamoDbLocalServer server = DynamoDbLocalServer.inMemory(0)) {
      assertThat(DynamoDbLocalServer.parsesSchemasOnce()).as("DynamoDB Local's internals changed: see SchemaCache")
          .isTrue();
    }
  }

  @Test
  void aChangedSchema_isTheOneUsedNext() {
    try (DynamoDbLocalServer server = DynamoDbLocalServer.inMemory(0);
        DynamoDbClient inProcess = server.inProcessClient();
        DynamoDbClient http = server.client()) {
      create(inProcess, "k");
      inProcess.putItem(r -> r.tableName("schemas").item(Map.of("k", ONE, "g", AttributeValue.fromS("x"))));
      assertThat(http.getItem(r -> r.tableName("schemas").key(Map.of("k", ONE))).item()).containsKey("g");

      // a TTL
      http.updateTimeToLive(r -> r.tableName("schemas").timeToLiveSpecification(s -> s.attributeName("ttl").enabled(true)));
      assertThat(inProcess.describeTimeToLive(r -> r.tableName("schemas")).timeToLiveDescription().attributeName())
          .isEqualTo("ttl");

      // the table made again with a number key and an index: the old schema is not used for it
      inProcess.deleteTable(r -> r.tableName("schemas"));
      inProcess.createTable(r -> r.tableName("schemas").billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(
              AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build(),
              AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
          .keySchema(k -> k.attributeName("n").keyType(KeyType.HASH))
          .globalSecondaryIndexes(i -> i.indexName("byG").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
              .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
      inProcess.putItem(r -> r.tableName("schemas").item(Map.of("n", AttributeValue.fromN("7"),
          "g", AttributeValue.fromS("y"))));
      assertThat(http.getItem(r -> r.tableName("schemas").key(Map.of("n", AttributeValue.fromN("7")))).item())
          .containsEntry("g", AttributeValue.fromS("y"));
      assertThat(http.query(r -> r.tableName("schemas").indexName("byG").keyConditionExpression("g = :g")
          .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("y")))).count()).isEqualTo(1);
      assertThat(inProcess.describeTable(r -> r.tableName("schemas")).table().globalSecondaryIndexes()).hasSize(1);
    }
  }

  private static void create(DynamoDbClient dynamo, String key) {
    dynamo.createTable(r -> r.tableName("schemas").billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName(key).attributeType(ScalarAttributeType.S)
            .build())
        .keySchema(k -> k.attributeName(key).keyType(KeyType.HASH)));
  }
}

package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The single table. Every object is its own partition ({@code pk} alone is the key); GSI1 is a
 * sparse newest-first index per object type and tenant. template.yaml declares the same table;
 * {@code TemplateTableTest} holds the two together.
 */
public final class Table {

  public static final String PK = "pk";
  public static final String GSI1 = "gsi1";
  public static final String GSI1_PK = "gsi1pk";
  public static final String GSI1_SK = "gsi1sk";
  public static final String TTL = "ttl";

  private Table() {}

  /** The partition key of one object: tenant, type, id. */
  public static String key(Tenant tenant, String type, String id) {
    return tenant.account() + "#" + tenant.mode() + "#" + type + "#" + id;
  }

  /** The GSI1 partition of a tenant's objects of one type. */
  public static String listKey(Tenant tenant, String type) {
    return type + "#" + tenant.account() + "#" + tenant.mode();
  }

  public static CreateTableRequest definition(String tableName) {
    return CreateTableRequest.builder()
        .tableName(tableName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            string(PK), string(GSI1_PK), string(GSI1_SK))
        .keySchema(KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
            .indexName(GSI1)
            .keySchema(
                KeySchemaElement.builder().attributeName(GSI1_PK).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(GSI1_SK).keyType(KeyType.RANGE).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
            .build())
        .build();
  }

  public static List<String> attributeNames() {
    return List.of(PK, GSI1_PK, GSI1_SK);
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }
}

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
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The single table. Every object is its own partition ({@code pk} alone is the key). The
 * indexes are sparse and newest-first (all sort by the list key {@code gsi1sk}): GSI1 lists a
 * tenant's objects of one type; GSI2–GSI5 serve the filters (code text or email, coupon or
 * customer, customer, stored active flag or status). Every index holds keys only: a page reads its
 * objects from the table, and a write that changes no index key writes no index.
 * template.yaml declares the same table; {@code TemplateTest} holds the two together.
 */
public final class Table {

  public static final String PK = "pk";
  public static final String GSI1 = "gsi1";
  public static final String GSI1_PK = "gsi1pk";
  public static final String GSI1_SK = "gsi1sk";
  public static final String TTL = "ttl";

  /** Filter indexes: name → partition attribute; each sorts by {@link #GSI1_SK}. */
  public static final String GSI2 = "gsi2";
  public static final String GSI3 = "gsi3";
  public static final String GSI4 = "gsi4";
  public static final String GSI5 = "gsi5";
  public static final String GSI2_PK = "gsi2pk";
  public static final String GSI3_PK = "gsi3pk";
  public static final String GSI4_PK = "gsi4pk";
  public static final String GSI5_PK = "gsi5pk";
  /** The sparse expiry index: what must expire, by day and time (keys only). */
  public static final String GSI6 = "gsi6";
  public static final String GSI6_PK = "gsi6pk";
  public static final String GSI6_SK = "gsi6sk";
  private static final List<String[]> INDEXES = List.of(
      new String[] {GSI1, GSI1_PK}, new String[] {GSI2, GSI2_PK}, new String[] {GSI3, GSI3_PK},
      new String[] {GSI4, GSI4_PK}, new String[] {GSI5, GSI5_PK});

  private Table() {}

  /** An index partition of a tenant's objects, by name (an {@link ObjectType}'s list, or a filter). */
  public static String listKey(Tenant tenant, String type) {
    return type + "#" + tenant.account() + "#" + tenant.mode();
  }

  public static CreateTableRequest definition(String tableName) {
    return CreateTableRequest.builder()
        .tableName(tableName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attributeNames().stream().map(Table::string).toList())
        .keySchema(KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build())
        .globalSecondaryIndexes(indexes())
        .build();
  }

  /** The same table with its stream, for a runner that delivers webhooks from it ({@link #STREAM}). */
  public static CreateTableRequest definitionWithStream(String tableName) {
    return definition(tableName).toBuilder().streamSpecification(STREAM).build();
  }

  private static List<GlobalSecondaryIndex> indexes() {
    List<GlobalSecondaryIndex> indexes = new java.util.ArrayList<>(INDEXES.stream().map(index -> GlobalSecondaryIndex
        .builder()
        .indexName(index[0])
        .keySchema(
            KeySchemaElement.builder().attributeName(index[1]).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(GSI1_SK).keyType(KeyType.RANGE).build())
        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
        .build()).toList());
    indexes.add(GlobalSecondaryIndex.builder()
        .indexName(GSI6)
        .keySchema(
            KeySchemaElement.builder().attributeName(GSI6_PK).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(GSI6_SK).keyType(KeyType.RANGE).build())
        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
        .build());
    return indexes;
  }

  /**
   * The deployed table's stream: new images, which the fan-out's trigger filters on (only events
   * invoke it; docs/design.md, "Webhooks"). template.yaml declares it; {@code TemplateTest} holds the two together.
   */
  public static final StreamViewType DEPLOYED_STREAM = StreamViewType.NEW_IMAGE;

  /**
   * The stream of a table ./run-local creates: keys only, and only where webhooks are delivered from
   * it. DynamoDB Local writes a new image at about 2.2 ms more per written item, a key at 0.07 ms, and
   * every write to a streamed table costs more the more streamed tables the database holds
   * (BENCHMARKS.md, "Events and webhooks"), so test tables have none; the local poller recognises
   * events by their keys.
   */
  public static final StreamSpecification STREAM = StreamSpecification.builder().streamEnabled(true)
      .streamViewType(StreamViewType.KEYS_ONLY).build();

  public static List<String> attributeNames() {
    return List.of(PK, GSI1_PK, GSI1_SK, GSI2_PK, GSI3_PK, GSI4_PK, GSI5_PK, GSI6_PK, GSI6_SK);
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }
}

package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * What the expiry index says is due, and how far the sweep has come. Reading it costs in
 * proportion to what expires, never to the table: one Query per day and shard, returning only due
 * entries, and an entry leaves the index when its object has been handled.
 */
public final class ExpiryQueue {

  static final String STATE_KEY = "sweep#state";
  static final String SWEPT_THROUGH = "swept_through";

  private final DynamoDbClient dynamo;
  private final String tableName;

  public ExpiryQueue(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
  }

  /** One due object: its key, parsed, and the index entry that named it. */
  public record Due(Tenant tenant, ObjectType type, String id, String indexKey) {}

  /** A page of due entries, and where the next one starts (null: the shard has no more due). */
  public record DuePage(List<Due> entries, Map<String, AttributeValue> next) {}

  /**
   * Up to {@code limit} entries due at {@code now} in one day's shard, earliest first, starting
   * after {@code start} (a previous page's {@code next}, or null for the first page).
   */
  public DuePage due(LocalDate day, int shard, Instant now, int limit, Map<String, AttributeValue> start) {
    QueryResponse response = dynamo.query(QueryRequest.builder()
        .tableName(tableName)
        .indexName(Table.GSI6)
        .keyConditionExpression("#pk = :pk AND #sk <= :due")
        .expressionAttributeNames(Map.of("#pk", Table.GSI6_PK, "#sk", Table.GSI6_SK))
        .expressionAttributeValues(Map.of(
            ":pk", Attr.s(ExpiryIndex.partition(ExpiryIndex.DAY.format(day), shard)),
            ":due", Attr.s(String.format("%010d~", now.getEpochSecond()))))
        .exclusiveStartKey(start)
        .limit(limit)
        .build());
    Map<String, AttributeValue> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
        ? response.lastEvaluatedKey() : null;
    return new DuePage(response.items().stream().map(ExpiryQueue::due).toList(), next);
  }

  /** The last day whose every shard the sweep has emptied, if any. */
  public Optional<LocalDate> sweptThrough() {
    return Items.get(dynamo, tableName, STATE_KEY).map(item -> LocalDate.parse(Attr.string(item, SWEPT_THROUGH)));
  }

  /** Records that {@code day} is swept; never moves back (an overlapping sweep may be behind). */
  public void markSwept(LocalDate day) {
    try {
      dynamo.updateItem(new UpdateExpression()
          .name("#day", SWEPT_THROUGH).value(":day", Attr.s(day.toString())).set("#day = :day")
          .condition("attribute_not_exists(#day) OR #day < :day")
          .request(tableName, Map.of(Table.PK, Attr.s(STATE_KEY))).build());
    } catch (ConditionalCheckFailedException alreadyFurther) {
      // another sweep got further: keep its mark
    }
  }

  private static Due due(Map<String, AttributeValue> item) {
    ObjectType.Key key = ObjectType.parse(Attr.string(item, Table.PK));
    return new Due(key.tenant(), key.type(), key.id(), Attr.string(item, Table.GSI6_SK));
  }
}

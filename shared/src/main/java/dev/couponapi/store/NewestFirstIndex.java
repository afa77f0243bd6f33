package dev.couponapi.store;

import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.wire.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Newest-first pages of one type of a tenant's objects, from one {@code Query} on GSI1 (spec §1.8).
 * The sort key {@code <created:10>#<millis:13><sequence:12><random:6>} orders by creation; ties
 * within a millisecond go by this container's sequence, then at random. A per-account counter
 * would make the order exact across containers too, but it would be one hot item per account.
 */
public final class NewestFirstIndex {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  /** Sorts after every character a list key uses, so "created ≤ t" is "key ≤ t~". */
  private static final String AFTER_ALL = "~";

  private final DynamoDbClient dynamo;
  private final String tableName;

  public NewestFirstIndex(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
  }

  /** The list position of an object created at {@code created} (seconds), written at {@code now}. */
  public static String newListKey(long created, Instant now) {
    long sequence = SEQUENCE.incrementAndGet() % 1_000_000_000_000L;
    return String.format("%010d#%013d%012d%s", created, now.toEpochMilli(), sequence, Ids.random(6));
  }

  /**
   * One page. {@code afterKey} / {@code beforeKey} are the list keys of the cursor objects of
   * {@code starting_after} / {@code ending_before}, already looked up.
   */
  public Page<Map<String, AttributeValue>> page(String partition, ListRequest request, String afterKey,
      String beforeKey) {
    String low = request.createdFrom() == null ? null : String.format("%010d", request.createdFrom());
    String high = request.createdTo() == null ? null : String.format("%010d", request.createdTo()) + AFTER_ALL;
    // Cursor bounds are inclusive here (a key condition has one comparison); the cursor itself is dropped below.
    if (afterKey != null) {
      high = high == null || afterKey.compareTo(high) < 0 ? afterKey : high;
    }
    if (beforeKey != null) {
      low = low == null || beforeKey.compareTo(low) > 0 ? beforeKey : low;
    }
    if (low != null && high != null && low.compareTo(high) > 0) {
      return new Page<>(List.of(), false);
    }
    boolean olderFirst = beforeKey != null;
    String cursor = olderFirst ? beforeKey : afterKey;
    Map<String, String> names = new HashMap<>(Map.of("#pk", Table.GSI1_PK));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Attr.s(partition)));
    String condition = "#pk = :pk";
    if (low != null || high != null) {
      names.put("#sk", Table.GSI1_SK);
      if (low != null && high != null) {
        condition += " AND #sk BETWEEN :low AND :high";
        values.put(":low", Attr.s(low));
        values.put(":high", Attr.s(high));
      } else if (low != null) {
        condition += " AND #sk >= :low";
        values.put(":low", Attr.s(low));
      } else {
        condition += " AND #sk <= :high";
        values.put(":high", Attr.s(high));
      }
    }
    int wanted = request.limit() + 1 + (cursor == null ? 0 : 1);
    List<Map<String, AttributeValue>> items = dynamo.query(QueryRequest.builder()
        .tableName(tableName)
        .indexName(Table.GSI1)
        .keyConditionExpression(condition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .scanIndexForward(olderFirst)
        .limit(wanted)
        .build()).items();
    List<Map<String, AttributeValue>> page = new ArrayList<>(items.size());
    for (Map<String, AttributeValue> item : items) {
      if (cursor == null || !cursor.equals(Attr.string(item, Table.GSI1_SK))) {
        page.add(item);
      }
    }
    boolean hasMore = page.size() > request.limit();
    List<Map<String, AttributeValue>> kept = new ArrayList<>(page.subList(0, Math.min(page.size(), request.limit())));
    if (olderFirst) {
      Collections.reverse(kept);
    }
    return new Page<>(kept, hasMore);
  }
}

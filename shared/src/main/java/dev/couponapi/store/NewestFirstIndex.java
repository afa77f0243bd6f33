package dev.couponapi.store;

import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.api.Ids;
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
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Newest-first pages of one type of a tenant's objects, from one {@code Query} on GSI1 (docs/api.md §1.8).
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

  /** Where to read: an index and the partition of it (e.g. GSI1 and "coupon#acct_x#test"). */
  public record Source(String index, String partitionAttribute, String partition) {

    public static Source list(String partition) {
      return new Source(Table.GSI1, Table.GSI1_PK, partition);
    }
  }

  /**
   * One page of GSI1. {@code afterKey} / {@code beforeKey} are the list keys of the cursor objects
   * of {@code starting_after} / {@code ending_before}, already looked up.
   */
  /** The last second a list key can hold (year 2286); no object is created after it. */
  static final long LATEST_KEYED_SECOND = 9_999_999_999L;

  public Page<Map<String, AttributeValue>> page(String partition, ListRequest request, String afterKey,
      String beforeKey) {
    return page(Source.list(partition), request, afterKey, beforeKey, item -> true);
  }

  /**
   * One page of {@code source}, keeping only the items {@code keep} accepts. Filtering in memory
   * may leave the page short: then one more Query continues where the first stopped, never more
   * (a short page then says {@code has_more}).
   */
  public Page<Map<String, AttributeValue>> page(Source source, ListRequest request, String afterKey,
      String beforeKey, java.util.function.Predicate<Map<String, AttributeValue>> keep) {
    // the list key holds ten digits of seconds: a bound past them is compared as the number it is
    if (request.createdFrom() != null && request.createdFrom() > LATEST_KEYED_SECOND
        || request.createdTo() != null && request.createdTo() < 0) {
      return new Page<>(List.of(), false);
    }
    String low = request.createdFrom() == null ? null : String.format("%010d", request.createdFrom());
    String high = request.createdTo() == null || request.createdTo() > LATEST_KEYED_SECOND ? null
        : String.format("%010d", request.createdTo()) + AFTER_ALL;
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
    Map<String, String> names = new HashMap<>(Map.of("#pk", source.partitionAttribute()));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Attr.s(source.partition())));
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
    QueryRequest query = QueryRequest.builder()
        .tableName(tableName)
        .indexName(source.index())
        .keyConditionExpression(condition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .scanIndexForward(olderFirst)
        .limit(wanted)
        .build();
    List<Map<String, AttributeValue>> page = new ArrayList<>();
    QueryResponse response = dynamo.query(query);
    collect(hydrate(response.items(), source), cursor, keep, page);
    if (page.size() <= request.limit() && continues(response)) {
      // the filter dropped items: read on once, with room for what it may drop again
      response = dynamo.query(query.toBuilder().exclusiveStartKey(response.lastEvaluatedKey())
          .limit(Math.min(4 * wanted, 1000)).build());
      collect(hydrate(response.items(), source), cursor, keep, page);
    }
    boolean hasMore = page.size() > request.limit() || continues(response);
    List<Map<String, AttributeValue>> kept = new ArrayList<>(page.subList(0, Math.min(page.size(), request.limit())));
    if (olderFirst) {
      Collections.reverse(kept);
    }
    return new Page<>(kept, hasMore);
  }

  /**
   * The objects an index page names, read from the table in the index's order: the indexes hold
   * keys only, so that no write of an object's other attributes (a redemption, an update) rewrites
   * an index entry (docs/design.md, "Indexes"). The read is strongly consistent; an object that has
   * left the index since (its entry not yet removed) is dropped.
   */
  private List<Map<String, AttributeValue>> hydrate(List<Map<String, AttributeValue>> entries, Source source) {
    if (entries.isEmpty()) {
      return entries;
    }
    Map<String, Map<String, AttributeValue>> found = Items.batchGet(dynamo, tableName,
        entries.stream().map(entry -> Attr.string(entry, Table.PK)).toList(), true);
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (Map<String, AttributeValue> entry : entries) {
      Map<String, AttributeValue> item = found.get(Attr.string(entry, Table.PK));
      if (item != null && source.partition().equals(Attr.string(item, source.partitionAttribute()))) {
        items.add(item);
      }
    }
    return items;
  }

  private static boolean continues(QueryResponse response) {
    return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
  }

  private static void collect(List<Map<String, AttributeValue>> items, String cursor,
      java.util.function.Predicate<Map<String, AttributeValue>> keep, List<Map<String, AttributeValue>> page) {
    for (Map<String, AttributeValue> item : items) {
      if ((cursor == null || !cursor.equals(Attr.string(item, Table.GSI1_SK))) && keep.test(item)) {
        page.add(item);
      }
    }
  }
}

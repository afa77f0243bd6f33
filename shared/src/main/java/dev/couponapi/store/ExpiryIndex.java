package dev.couponapi.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The keys of the sparse expiry index (GSI6). An object is in it while something of it still has
 * to expire, under the day of that moment, in one of {@link #SHARDS} partitions chosen by its own
 * key (so that no day is one hot partition), sorted by the moment and its key.
 */
public final class ExpiryIndex {

  public static final int SHARDS = 4;
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  private ExpiryIndex() {}

  /** Puts (or moves) an object under the moment {@code expiresAt}; nothing when it is null. */
  static void put(Map<String, AttributeValue> item, String pk, Long expiresAt) {
    if (expiresAt == null) {
      return;
    }
    item.put(Table.GSI6_PK, Attr.s(partition(day(expiresAt), shard(pk))));
    item.put(Table.GSI6_SK, Attr.s(sortKey(expiresAt, pk)));
  }

  /** The same, inside an update: SET the two keys, or REMOVE them when nothing expires any more. */
  static void set(UpdateExpression update, String pk, Long expiresAt) {
    update.name("#gsi6pk", Table.GSI6_PK).name("#gsi6sk", Table.GSI6_SK);
    if (expiresAt == null) {
      update.remove("#gsi6pk").remove("#gsi6sk");
    } else {
      update.value(":gsi6pk", Attr.s(partition(day(expiresAt), shard(pk))))
          .value(":gsi6sk", Attr.s(sortKey(expiresAt, pk)))
          .set("#gsi6pk = :gsi6pk").set("#gsi6sk = :gsi6sk");
    }
  }

  static String day(long epochSecond) {
    return DAY.format(Instant.ofEpochSecond(epochSecond));
  }

  static String partition(String day, int shard) {
    return "exp#" + day + "#" + shard;
  }

  /** The index key of an object ({@code pk}) due at {@code epochSecond}: what a due entry names it by. */
  public static String indexKey(long epochSecond, String pk) {
    return sortKey(epochSecond, pk);
  }

  static String sortKey(long epochSecond, String pk) {
    return String.format("%010d#%s", epochSecond, pk);
  }

  static int shard(String pk) {
    return Math.floorMod(pk.hashCode(), SHARDS);
  }

  /**
   * Removes an index entry that no longer means anything (what it pointed at changed), but only
   * that entry: a newer one, under another key, stays.
   */
  static void dropStale(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String tableName,
      Map<String, AttributeValue> key, String indexKey) {
    try {
      dynamo.updateItem(new UpdateExpression()
          .name("#gsi6pk", Table.GSI6_PK).name("#gsi6sk", Table.GSI6_SK).value(":sk", Attr.s(indexKey))
          .remove("#gsi6pk").remove("#gsi6sk").condition("#gsi6sk = :sk")
          .request(tableName, key)
          .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.NONE)
          .returnValuesOnConditionCheckFailure(
              software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure.NONE)
          .build());
    } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException gone) {
      // already dropped or re-indexed: nothing to do
    }
  }
}

package dev.couponapi.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Reading items by their keys. */
final class Items {

  private Items() {}

  /** The item under {@code pk}, read strongly consistent (a write just made is always seen). */
  static Optional<Map<String, AttributeValue>> get(DynamoDbClient dynamo, String tableName, String pk) {
    return get(dynamo, tableName, pk, true);
  }

  /** The same, eventually consistent when {@code consistent} is false (half the read units). */
  static Optional<Map<String, AttributeValue>> get(DynamoDbClient dynamo, String tableName, String pk,
      boolean consistent) {
    Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
        .tableName(tableName)
        .key(Map.of(Table.PK, Attr.s(pk)))
        .consistentRead(consistent)
        .build()).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  /**
   * The items under these keys, by {@code pk} (absent keys are absent), in one BatchGetItem per
   * 100 keys, with whatever DynamoDB left unprocessed asked for again.
   */
  static Map<String, Map<String, AttributeValue>> batchGet(DynamoDbClient dynamo, String tableName, List<String> pks,
      boolean consistent) {
    Map<String, Map<String, AttributeValue>> found = new HashMap<>();
    List<String> distinct = pks.stream().distinct().toList();
    for (int from = 0; from < distinct.size(); from += 100) {
      List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(distinct.size(), from + 100)).stream()
          .map(pk -> Map.of(Table.PK, Attr.s(pk))).toList();
      Map<String, KeysAndAttributes> request = Map.of(tableName,
          KeysAndAttributes.builder().keys(keys).consistentRead(consistent).build());
      while (!request.isEmpty()) {
        BatchGetItemResponse response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
        response.responses().getOrDefault(tableName, List.of())
            .forEach(item -> found.put(Attr.string(item, Table.PK), item));
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return found;
  }
}

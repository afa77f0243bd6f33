package dev.couponapi.store;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** Reading one item by its key. */
final class Items {

  private Items() {}

  /** The item under {@code pk}, read strongly consistent (a write just made is always seen). */
  static Optional<Map<String, AttributeValue>> get(DynamoDbClient dynamo, String tableName, String pk) {
    Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
        .tableName(tableName)
        .key(Map.of(Table.PK, Attr.s(pk)))
        .consistentRead(true)
        .build()).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }
}

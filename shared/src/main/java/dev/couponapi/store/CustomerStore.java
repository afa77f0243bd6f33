package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Customers, as far as promotion codes need them: whether one exists. The Customers API (spec §5)
 * stores them under this key.
 */
public final class CustomerStore {

  static final String TYPE = "customer";
  static final String DELETED_AT = "deleted_at";

  private final DynamoDbClient dynamo;
  private final String tableName;

  public CustomerStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
  }

  /** Whether a live (not deleted) customer of this tenant has this id; one GetItem. */
  public boolean exists(Tenant tenant, String id) {
    var item = dynamo.getItem(GetItemRequest.builder()
        .tableName(tableName)
        .key(Map.of(Table.PK, Attr.s(Table.key(tenant, TYPE, id))))
        .consistentRead(true)
        .build()).item();
    return item != null && !item.isEmpty() && !item.containsKey(DELETED_AT);
  }
}

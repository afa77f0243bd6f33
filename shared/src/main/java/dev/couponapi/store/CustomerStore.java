package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
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
    return Items.get(dynamo, tableName, Table.key(tenant, TYPE, id)).filter(item -> !item.containsKey(DELETED_AT))
        .isPresent();
  }
}

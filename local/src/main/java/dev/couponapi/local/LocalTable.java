package dev.couponapi.local;

import dev.couponapi.store.Table;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Creates the table of template.yaml (as {@link Table#definition} describes it) when it is missing. */
public final class LocalTable {

  public static final String NAME = "couponapi-local";

  private LocalTable() {}

  public static void ensure(DynamoDbClient dynamo, String tableName) {
    try {
      dynamo.describeTable(request -> request.tableName(tableName));
    } catch (ResourceNotFoundException missing) {
      try {
        dynamo.createTable(Table.definition(tableName));
      } catch (ResourceInUseException createdMeanwhile) {
        // another process created it first: what we wanted
      }
    }
  }
}

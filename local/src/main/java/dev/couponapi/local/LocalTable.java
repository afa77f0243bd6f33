package dev.couponapi.local;

import dev.couponapi.store.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The table of template.yaml (as {@link Table#definition} describes it) on whatever DynamoDB a
 * command uses: created when it is missing; an existing one must have the same key and indexes,
 * or the command refuses to use it (a table of another shape would fail on the first query).
 */
public final class LocalTable {

  public static final String NAME = "couponapi-local";

  private LocalTable() {}

  public static void ensure(DynamoDbClient dynamo, String tableName) {
    TableDescription existing;
    try {
      existing = dynamo.describeTable(request -> request.tableName(tableName)).table();
    } catch (ResourceNotFoundException missing) {
      try {
        dynamo.createTable(Table.definitionWithStream(tableName));
      } catch (ResourceInUseException createdMeanwhile) {
        // another process created it first: what we wanted
      }
      return;
    }
    List<String> differences = differences(Table.definition(tableName), existing);
    if (!differences.isEmpty()) {
      throw new Options.UsageError("the table " + tableName + " there is not the one template.yaml declares ("
          + String.join("; ", differences) + "): use another table or endpoint");
    }
    if (existing.streamSpecification() == null || !Boolean.TRUE.equals(existing.streamSpecification().streamEnabled())) {
      // a table made before webhooks: its stream is what serve reads new events from
      dynamo.updateTable(request -> request.tableName(tableName).streamSpecification(Table.STREAM));
    }
  }

  /** What an existing table has otherwise than the definition: its key, and each index's keys and projection. */
  static List<String> differences(CreateTableRequest expected, TableDescription existing) {
    List<String> differences = new ArrayList<>();
    if (!keys(expected.keySchema()).equals(keys(existing.keySchema()))) {
      differences.add("key " + keys(existing.keySchema()) + " instead of " + keys(expected.keySchema()));
    }
    Map<String, String> wanted = new TreeMap<>();
    for (GlobalSecondaryIndex index : expected.globalSecondaryIndexes()) {
      wanted.put(index.indexName(), keys(index.keySchema()) + " " + index.projection().projectionTypeAsString());
    }
    Map<String, String> found = new TreeMap<>();
    for (GlobalSecondaryIndexDescription index : existing.globalSecondaryIndexes()) {
      found.put(index.indexName(), keys(index.keySchema()) + " " + index.projection().projectionTypeAsString());
    }
    wanted.forEach((name, shape) -> {
      if (!found.containsKey(name)) {
        differences.add("index " + name + " is missing");
      } else if (!found.get(name).equals(shape) && !projectsMore(found.get(name), shape)) {
        differences.add("index " + name + " is " + found.get(name) + ", not " + shape);
      }
    });
    found.keySet().stream().filter(name -> !wanted.containsKey(name))
        .forEach(name -> differences.add("index " + name + " is not declared"));
    return differences;
  }

  /**
   * Whether an index has the declared keys and projects at least them: every projection does, and
   * pages read their objects from the table, so a table made before the indexes held keys only
   * (projecting ALL) serves the same queries.
   */
  private static boolean projectsMore(String found, String declared) {
    String keys = declared.substring(0, declared.lastIndexOf(' '));
    return declared.endsWith(" KEYS_ONLY") && found.substring(0, found.lastIndexOf(' ')).equals(keys);
  }

  private static String keys(List<KeySchemaElement> schema) {
    return schema.stream().map(key -> key.attributeName() + ":" + key.keyTypeAsString()).toList().toString();
  }
}

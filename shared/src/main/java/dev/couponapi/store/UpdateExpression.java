package dev.couponapi.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Collects the SET / REMOVE clauses, conditions, names and values of one conditional update. */
final class UpdateExpression {

  final Map<String, String> names = new HashMap<>();
  final Map<String, AttributeValue> values = new HashMap<>();
  private final List<String> sets = new ArrayList<>();
  private final List<String> removes = new ArrayList<>();
  private final List<String> adds = new ArrayList<>();
  private final List<String> conditions = new ArrayList<>();

  UpdateExpression name(String placeholder, String attribute) {
    names.put(placeholder, attribute);
    return this;
  }

  UpdateExpression value(String placeholder, AttributeValue value) {
    values.put(placeholder, value);
    return this;
  }

  UpdateExpression set(String clause) {
    sets.add(clause);
    return this;
  }

  UpdateExpression remove(String clause) {
    removes.add(clause);
    return this;
  }

  /** {@code ADD #n :delta}: a number changed by what it is now, created at the delta when missing. */
  UpdateExpression add(String clause) {
    adds.add(clause);
    return this;
  }

  UpdateExpression condition(String condition) {
    conditions.add(condition);
    return this;
  }

  boolean writesNothing() {
    return sets.isEmpty() && removes.isEmpty() && adds.isEmpty();
  }

  String updateExpression() {
    String set = sets.isEmpty() ? "" : "SET " + String.join(", ", sets);
    String remove = removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes);
    String add = adds.isEmpty() ? "" : " ADD " + String.join(", ", adds);
    return (set + remove + add).trim();
  }

  /** The conditions, all of which must hold; null when there are none. */
  String conditionExpression() {
    return conditions.isEmpty() ? null : String.join(" AND ", conditions);
  }

  /** As an UpdateItem that returns the item as it is now, or as it was when refused. */
  UpdateItemRequest.Builder request(String tableName, Map<String, AttributeValue> key) {
    return asRequest(transactionUpdate(tableName, key))
        .returnValues(ReturnValue.ALL_NEW)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
  }

  /** The same update, sent on its own rather than inside a transaction. */
  static UpdateItemRequest.Builder asRequest(Update update) {
    return UpdateItemRequest.builder()
        .tableName(update.tableName())
        .key(update.key())
        .updateExpression(update.updateExpression())
        .conditionExpression(update.conditionExpression())
        .expressionAttributeNames(update.expressionAttributeNames())
        .expressionAttributeValues(update.hasExpressionAttributeValues() ? update.expressionAttributeValues() : null);
  }

  /** As one item of a transaction. */
  Update transactionUpdate(String tableName, Map<String, AttributeValue> key) {
    return Update.builder()
        .tableName(tableName)
        .key(key)
        .updateExpression(updateExpression())
        .conditionExpression(conditionExpression())
        .expressionAttributeNames(names)
        .expressionAttributeValues(values.isEmpty() ? null : values)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
  }
}

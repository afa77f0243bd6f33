package dev.couponapi.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A store double for the warm-path benchmark: items in memory by key, Query by the index
 * partition of an equality key condition, newest first. No conditions, no network: what is left
 * to measure is the pipeline's own work (decode → validate → service → render).
 */
final class InMemoryDynamo implements DynamoDbClient {

  private final Map<String, Map<String, AttributeValue>> items = new ConcurrentHashMap<>();

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    items.put(request.item().get("pk").s(), request.item());
    return PutItemResponse.builder().build();
  }

  @Override
  public PutItemResponse putItem(Consumer<PutItemRequest.Builder> request) {
    PutItemRequest.Builder builder = PutItemRequest.builder();
    request.accept(builder);
    return putItem(builder.build());
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return GetItemResponse.builder().item(items.get(request.key().get("pk").s())).build();
  }

  @Override
  public GetItemResponse getItem(Consumer<GetItemRequest.Builder> request) {
    GetItemRequest.Builder builder = GetItemRequest.builder();
    request.accept(builder);
    return getItem(builder.build());
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    String attribute = request.expressionAttributeNames().get("#pk");
    String partition = request.expressionAttributeValues().get(":pk").s();
    List<Map<String, AttributeValue>> matches = new ArrayList<>();
    for (Map<String, AttributeValue> item : items.values()) {
      AttributeValue value = item.get(attribute);
      if (value != null && partition.equals(value.s())) {
        matches.add(item);
      }
    }
    Comparator<Map<String, AttributeValue>> byListKey = Comparator.comparing(item -> item.get("gsi1sk").s());
    matches.sort(Boolean.FALSE.equals(request.scanIndexForward()) ? byListKey.reversed() : byListKey);
    return QueryResponse.builder().items(matches.subList(0, Math.min(matches.size(), request.limit()))).build();
  }

  @Override
  public String serviceName() {
    return "dynamodb";
  }

  @Override
  public void close() {
  }
}

package dev.couponapi.ddblocal;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * The engine as DynamoDB Local's HTTP endpoint sees it, with its client decorated ({@link
 * TransactWrites}, {@link ReadCache}); everything else is the engine's. The endpoint reaches the
 * engine only through {@link #dynamoDbClient()}; the asynchronous client, which it never uses, is
 * refused rather than let writes pass the decorations.
 */
final class EngineWithClient implements AmazonDynamoDBLocal {

  private final AmazonDynamoDBLocal engine;
  private final DynamoDbClient client;

  EngineWithClient(AmazonDynamoDBLocal engine, DynamoDbClient client) {
    this.engine = engine;
    this.client = client;
  }

  @Override
  public DynamoDbClient dynamoDbClient() {
    return client;
  }

  @Override
  public DynamoDbAsyncClient dynamoDbAsyncClient() {
    throw new UnsupportedOperationException("the decorated engine serves synchronous clients only");
  }

  @Override
  public DynamoDbStreamsClient dynamoDbStreamsClient() {
    return engine.dynamoDbStreamsClient();
  }

  @Override
  public DynamoDbStreamsAsyncClient dynamoDbStreamsAsyncClient() {
    return engine.dynamoDbStreamsAsyncClient();
  }

  @Override
  public void dilateEventTimes(long millis) {
    engine.dilateEventTimes(millis);
  }

  @Override
  public void triggerShardRollovers() {
    engine.triggerShardRollovers();
  }

  @Override
  public void shutdown() {
    engine.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return engine.shutdownNow();
  }
}

package dev.couponapi.testing;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.store.Table;
import dev.couponapi.api.Ids;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One DynamoDB Local per test JVM (started on first use), and a fresh table per caller. */
public final class LocalDynamo {

  private static DynamoDbLocalServer server;

  private LocalDynamo() {}

  public static synchronized DynamoDbLocalServer server() {
    if (server == null) {
      server = DynamoDbLocalServer.inMemory(0);
      DynamoDbLocalServer started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return server;
  }

  public static DynamoDbClient client(ExecutionInterceptor... interceptors) {
    return server().client(interceptors);
  }

  /**
   * A client whose SDK retries (3 attempts) do not wait between attempts: for tests of what a
   * lasting fault leads to after the retries, which would otherwise sleep through the backoff.
   */
  public static DynamoDbClient clientRetryingAtOnce(ExecutionInterceptor... interceptors) {
    return DynamoDbLocalServer.clientFor(server().endpoint(), overrides -> overrides.retryStrategy(
        software.amazon.awssdk.awscore.retry.AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3)
            .backoffStrategy(software.amazon.awssdk.retries.api.BackoffStrategy.retryImmediately())
            .throttlingBackoffStrategy(software.amazon.awssdk.retries.api.BackoffStrategy.retryImmediately())
            .build()), interceptors);
  }

  /** Creates a table laid out as {@link Table#definition} says, with a unique name. */
  /** A fresh table, without a stream (a test fans events out itself: {@link TestApp#fanOut}). */
  public static String newTable() {
    return create(Table.definition("test-" + Ids.random(10)));
  }

  /** A fresh table with the stream ./run-local serve reads webhooks from. */
  public static String newTableWithStream() {
    return create(Table.definitionWithStream("test-" + Ids.random(10)));
  }

  private static String create(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest definition) {
    try (DynamoDbClient admin = client()) {
      admin.createTable(definition);
    }
    return definition.tableName();
  }
}

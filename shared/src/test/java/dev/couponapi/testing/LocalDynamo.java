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
  public static String newTable() {
    String name = "test-" + Ids.random(10);
    try (DynamoDbClient admin = client()) {
      admin.createTable(Table.definition(name));
    }
    return name;
  }
}

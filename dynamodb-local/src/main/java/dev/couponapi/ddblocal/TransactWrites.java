package dev.couponapi.ddblocal;

import java.lang.reflect.Field;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.dynamodb.services.exceptions.AWSExceptionFactory;
import software.amazon.dynamodb.services.exceptions.DynamoDBLocalServiceException;
import software.amazon.dynamodb.services.local.embedded.DDBExceptionMappingInvocationHandler;
import software.amazon.dynamodb.services.local.shared.access.LocalDBInputConverter;
import software.amazon.dynamodb.services.local.shared.access.LocalDBOutputConverter;
import software.amazon.dynamodb.services.local.shared.access.api.dp.TransactWriteItemsFunction;
import software.amazon.dynamodb.services.local.shared.access.client.LocalDynamoDbClient;

/**
 * DynamoDB Local builds its whole TransactWriteItems machinery anew on every call: three error
 * factories of about a hundred prebuilt exceptions each, every one filling in its stack trace, and
 * a Jackson mapper. That was a fifth of {@code serve}'s CPU on a coupon create, more than the
 * transaction itself (bench/JOURNAL.md). The engine's other calls share their client's one error
 * factory; this does the same for transactions: one {@code TransactWriteItemsFunction}, made once
 * from the engine client's own parts, runs every call. It keeps nothing between calls (every field
 * it and its parts have is final and set when made, like the per-call functions the engine shares
 * its factory with). On a DynamoDB Local build whose parts differ, calls go to the engine as shipped.
 */
final class TransactWrites {

  private TransactWrites() {}

  /**
   * {@code target} with its TransactWriteItems run by one function made from {@code engine} (the
   * engine's own client, behind {@code target}). {@code sdkErrors}: the engine's refusals are turned
   * into the SDK's exceptions, as DynamoDB Local's in-process client does (its HTTP endpoint does
   * that itself, so it is given them as the engine throws them).
   */
  static DynamoDbClient around(DynamoDbClient target, DynamoDbClient engine, boolean sdkErrors) {
    TransactWriteItemsFunction function = functionOf(engine);
    if (function == null) {
      return target;
    }
    return ClientProxy.of((method, args) -> method.getName().equals("transactWriteItems")
        && args != null && args.length == 1 && args[0] instanceof TransactWriteItemsRequest request
        ? transact(function, request, sdkErrors) : ClientProxy.invoke(target, method, args));
  }

  /** Whether {@link #around} reuses a function on this DynamoDB Local build (for the tests). */
  static boolean reusable(DynamoDbClient engine) {
    return functionOf(engine) != null;
  }

  private static Object transact(TransactWriteItemsFunction function, TransactWriteItemsRequest request,
      boolean sdkErrors) throws Throwable {
    try {
      return function.apply(request);
    } catch (DynamoDBLocalServiceException refused) {
      if (sdkErrors) {
        DDBExceptionMappingInvocationHandler.handleDynamoDBLocalServiceException(refused);
      }
      throw refused;
    }
  }

  /**
   * The function as the engine client's own transactWriteItems makes it; null on another build, or
   * with {@code -Dcouponapi.reuseTransactions=false} (to measure the engine as shipped).
   */
  private static TransactWriteItemsFunction functionOf(DynamoDbClient engine) {
    if (!(engine instanceof LocalDynamoDbClient client) || "false".equals(System.getProperty("couponapi.reuseTransactions"))) {
      return null;
    }
    try {
      return new TransactWriteItemsFunction(client.dbAccess,
          field(client, "inputConverter", LocalDBInputConverter.class),
          field(client, "localDBOutputConverter", LocalDBOutputConverter.class),
          field(client, "awsExceptionFactory", AWSExceptionFactory.class),
          field(client, "localDBEnv", com.amazonaws.services.dynamodbv2.dbenv.DbEnv.class),
          field(client, "documentFactory", com.amazonaws.services.dynamodbv2.datamodel.DocumentFactory.class));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError otherBuild) {
      return null;
    }
  }

  private static <T> T field(LocalDynamoDbClient client, String name, Class<T> type) throws ReflectiveOperationException {
    Field field = LocalDynamoDbClient.class.getDeclaredField(name);
    field.setAccessible(true);
    return type.cast(field.get(client));
  }
}

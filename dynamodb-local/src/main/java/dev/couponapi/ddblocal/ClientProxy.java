package dev.couponapi.ddblocal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A {@code DynamoDbClient} in front of another that sees every call with its request built: a
 * request given as a builder mutation, or a paginator, is left to the interface's own method, which
 * builds the request(s) and calls the proxy again with them. What the engine decorations share
 * ({@link ReadCache}, {@link TransactWrites}, {@link WriteWatch}).
 */
final class ClientProxy {

  /** One call with its request built. */
  interface Call {
    Object handle(Method method, Object[] args) throws Throwable;
  }

  private ClientProxy() {}

  static DynamoDbClient of(Call call) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (args != null && args.length == 1 && args[0] instanceof java.util.function.Consumer
          || method.getName().endsWith("Paginator")) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      return call.handle(method, args);
    };
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, handler);
  }

  /** The call made on {@code client}, throwing what it throws. */
  static Object invoke(DynamoDbClient client, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(client, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Calls that change nothing: reads, whose answers may be kept, and descriptions. */
  static final java.util.Set<String> READS = java.util.Set.of("getItem", "batchGetItem", "query", "scan",
      "transactGetItems");
  static final java.util.Set<String> DESCRIPTIONS = java.util.Set.of("describeTable", "describeTimeToLive",
      "describeLimits", "describeContinuousBackups", "describeEndpoints", "listTables", "listTagsOfResource",
      "serviceName", "serviceClientConfiguration", "close", "toString", "hashCode", "equals");

  /** Whether a call may change the database: any call not known as a read or a description. */
  static boolean writes(Method method) {
    String name = method.getName();
    return !READS.contains(name) && !DESCRIPTIONS.contains(name);
  }
}

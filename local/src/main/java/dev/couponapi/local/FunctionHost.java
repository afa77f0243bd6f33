package dev.couponapi.local;

import dev.couponapi.sam.SamTemplate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.app.App;
import dev.couponapi.wire.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Hosts the functions of template.yaml in this JVM, as the Lambda runtime would: each handler
 * class is created once and fed the event as a byte stream.
 */
public final class FunctionHost {

  private final SamTemplate template;
  private final Function<SamTemplate.Function, RequestStreamHandler> factory;
  private final Map<String, RequestStreamHandler> handlers = new ConcurrentHashMap<>();

  private FunctionHost(SamTemplate template, Function<SamTemplate.Function, RequestStreamHandler> factory) {
    this.template = template;
    this.factory = factory;
  }

  /** Handlers built with their test constructor around one explicit {@link App}. */
  public static FunctionHost forApp(SamTemplate template, App app) {
    return new FunctionHost(template, function -> construct(function, new Class<?>[] {App.class}, app));
  }

  /**
   * Handlers built as Lambda builds them, with the no-argument constructor, configured by the
   * environment the template gives the function. All functions share this JVM, so the variables
   * become system properties (the code reads either, see {@code Env}); {@code resourceValues}
   * says what {@code !Ref} of a resource means here, e.g. Table → the local table name.
   */
  public static FunctionHost fromEnvironment(SamTemplate template, Map<String, String> resourceValues) {
    return new FunctionHost(template, function -> {
      template.environment(function, resourceValues).forEach(System::setProperty);
      return construct(function, new Class<?>[0]);
    });
  }

  public SamTemplate template() {
    return template;
  }

  /** Invokes a function with an event and returns what the handler wrote, parsed. */
  public Map<String, Object> invoke(String functionId, Map<String, Object> event) throws IOException {
    return Json.readObject(new String(invokeRaw(functionId, Json.write(event)), java.nio.charset.StandardCharsets.UTF_8));
  }

  public byte[] invokeRaw(String functionId, byte[] event) throws IOException {
    RequestStreamHandler handler = handlers.computeIfAbsent(functionId, this::instantiate);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long deadline = System.currentTimeMillis() + 1000L * template.function(functionId).timeoutSeconds();
    handler.handleRequest(new ByteArrayInputStream(event), out, new LocalContext(functionId, deadline));
    return out.toByteArray();
  }

  private RequestStreamHandler instantiate(String functionId) {
    return factory.apply(template.function(functionId));
  }

  private static RequestStreamHandler construct(SamTemplate.Function function, Class<?>[] types, Object... args) {
    try {
      Class<?> type = Class.forName(function.handlerClass());
      return (RequestStreamHandler) type.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("cannot create handler " + function.handler() + " of " + function.logicalId(), e);
    }
  }

  /** The little of Lambda's Context that a local invocation can honestly fill in; its time runs out at the function's timeout. */
  private record LocalContext(String functionName, long deadlineMillis) implements Context {
    public String getAwsRequestId() {
      return java.util.UUID.randomUUID().toString();
    }

    public String getLogGroupName() {
      return "/local/" + functionName;
    }

    public String getLogStreamName() {
      return "local";
    }

    public String getFunctionName() {
      return functionName;
    }

    public String getFunctionVersion() {
      return "$LATEST";
    }

    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:local:000000000000:function:" + functionName;
    }

    public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() {
      return null;
    }

    public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() {
      return null;
    }

    public int getRemainingTimeInMillis() {
      return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    public int getMemoryLimitInMB() {
      return 1024;
    }

    public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() {
      return new com.amazonaws.services.lambda.runtime.LambdaLogger() {
        public void log(String message) {
          System.out.print(message);
        }

        public void log(byte[] message) {
          System.out.write(message, 0, message.length);
        }
      };
    }
  }
}

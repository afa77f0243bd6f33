package dev.couponapi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every DynamoDB call a client makes: its operation name and the request itself. While a
 * call runs as a function of template.yaml ({@link #as}), each request is also held to that
 * function's IAM policy: one the policy would refuse fails the test.
 */
public final class CallCounter implements ExecutionInterceptor {

  private final List<String> operations = new ArrayList<>();
  private final List<SdkRequest> requests = new ArrayList<>();
  private final ThreadLocal<String> function = new ThreadLocal<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String functionId = function.get();
    if (functionId != null) {
      FunctionPolicies.check(functionId, context.request());
    }
    synchronized (this) {
      operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      requests.add(context.request());
    }
  }

  /** Runs {@code work} as the function {@code functionId}: its DynamoDB calls must be ones its policy allows. */
  public <T> T as(String functionId, Supplier<T> work) {
    String outer = function.get();
    function.set(functionId);
    try {
      return work.get();
    } finally {
      function.set(outer);
    }
  }

  public synchronized List<String> operations() {
    return List.copyOf(operations);
  }

  public synchronized List<SdkRequest> requests() {
    return List.copyOf(requests);
  }

  public synchronized void reset() {
    operations.clear();
    requests.clear();
  }
}

package dev.couponapi.testing;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every DynamoDB call a client makes: its operation name and the request itself. */
public final class CallCounter implements ExecutionInterceptor {

  private final List<String> operations = new ArrayList<>();
  private final List<SdkRequest> requests = new ArrayList<>();

  @Override
  public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    requests.add(context.request());
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

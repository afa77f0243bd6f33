package dev.couponapi.testing;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Fails the next DynamoDB call of one operation, on cue: before it is sent (nothing written) or
 * after DynamoDB answered (written, but the caller never hears so), as a crash or a lost
 * connection would.
 */
public final class FaultInjector implements ExecutionInterceptor {

  public enum When { BEFORE_SENDING, AFTER_WRITING }

  private volatile String operation;
  private volatile When when;
  private int callsToLet;

  /** Arms one fault for the next call of {@code operationName} (e.g. "TransactWriteItems"). */
  public void failNext(String operationName, When moment) {
    failCall(operationName, 1, moment);
  }

  /** Arms one fault for the {@code n}-th next call of {@code operationName}. */
  public synchronized void failCall(String operationName, int n, When moment) {
    this.callsToLet = n - 1;
    this.when = moment;
    this.operation = operationName;
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    fireIf(When.BEFORE_SENDING, attributes);
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    fireIf(When.AFTER_WRITING, attributes);
  }

  private synchronized void fireIf(When moment, ExecutionAttributes attributes) {
    if (moment == when && attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME).equals(operation)) {
      if (callsToLet-- > 0) {
        return;
      }
      operation = null;
      when = null;
      throw new InjectedFault(moment);
    }
  }

  /** The injected failure. */
  public static final class InjectedFault extends RuntimeException {
    InjectedFault(When moment) {
      super("injected fault " + moment);
    }
  }
}

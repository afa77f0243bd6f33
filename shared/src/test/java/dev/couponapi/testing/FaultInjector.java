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
  private java.util.function.Function<When, RuntimeException> fault = InjectedFault::new;
  private boolean lasting;

  /** Arms one fault for the next call of {@code operationName} (e.g. "TransactWriteItems"). */
  public void failNext(String operationName, When moment) {
    failCall(operationName, 1, moment);
  }

  /** Arms one fault for the {@code n}-th next call of {@code operationName}. */
  public synchronized void failCall(String operationName, int n, When moment) {
    failCall(operationName, n, moment, InjectedFault::new);
  }

  /**
   * Arms {@code failure} (what DynamoDB or the network would throw) for every attempt of {@code
   * operationName} until {@link #clear()}: the SDK's own retries meet it too, as they would meet a
   * lasting fault.
   */
  public synchronized void failAttemptsWith(String operationName, When moment,
      java.util.function.Supplier<RuntimeException> failure) {
    failCall(operationName, 1, moment, ignored -> failure.get());
    this.lasting = true;
  }

  private String meanwhileBefore;
  private Runnable meanwhile;

  /**
   * Runs {@code change} once, just before the next call of {@code operationName} is sent: another
   * writer's change landing between a request's reads and its write (it must not call through this
   * client).
   */
  public synchronized void beforeNext(String operationName, Runnable change) {
    this.meanwhileBefore = operationName;
    this.meanwhile = change;
  }

  /** Disarms whatever is armed. */
  public synchronized void clear() {
    operation = null;
    when = null;
    lasting = false;
  }

  private synchronized void failCall(String operationName, int n, When moment,
      java.util.function.Function<When, RuntimeException> failure) {
    this.callsToLet = n - 1;
    this.when = moment;
    this.operation = operationName;
    this.fault = failure;
    this.lasting = false;
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    Runnable change = null;
    synchronized (this) {
      if (meanwhile != null && attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME).equals(meanwhileBefore)) {
        change = meanwhile;
        meanwhile = null;
      }
    }
    if (change != null) {
      change.run();
    }
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
      if (!lasting) {
        operation = null;
        when = null;
      }
      throw fault.apply(moment);
    }
  }

  /** The injected failure. */
  public static final class InjectedFault extends RuntimeException {
    InjectedFault(When moment) {
      super("injected fault " + moment);
    }
  }
}

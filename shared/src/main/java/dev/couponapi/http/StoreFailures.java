package dev.couponapi.http;

import dev.couponapi.api.ApiException;
import dev.couponapi.api.Errors;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What a DynamoDB failure means to the client (docs/design.md, "Failures"): throttling that
 * outlived the SDK's retries is Stripe's 429 {@code rate_limit}; a 5xx, a lost connection or a
 * timeout is a 500 {@code api_error} that says to retry with the same Idempotency-Key. Either way
 * the pipeline gives the key back.
 */
final class StoreFailures {

  private StoreFailures() {}

  /** The Stripe error for a failure of the database, or null when {@code failure} is not one. */
  static ApiException map(RuntimeException failure) {
    if (failure instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()
        && cancelled.cancellationReasons().stream().anyMatch(reason -> "ThrottlingError".equals(reason.code()))) {
      return Errors.rateLimited();
    }
    if (failure instanceof SdkServiceException service) {
      if (service.isThrottlingException()) {
        return Errors.rateLimited();
      }
      return service.statusCode() >= 500 ? Errors.storeUnavailable() : null;
    }
    return failure instanceof SdkClientException ? Errors.storeUnavailable() : null;
  }
}

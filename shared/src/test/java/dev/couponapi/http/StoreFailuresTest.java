package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.FaultInjector.When;
import dev.couponapi.testing.TestApp;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Every DynamoDB failure is a Stripe-shaped answer with nothing half-written, and the request's
 * Idempotency-Key is given back so that the retry runs: throttling is a 429 rate_limit; a 5xx, a
 * lost connection or a timeout a 500 api_error that says to retry with the same key.
 */
class StoreFailuresTest {

  private static final Tenant TENANT = new Tenant("acct_faults", false);

  private final TestApp test = TestApp.retryingAtOnce();

  private ApiResponse create(String id, String key) {
    return test.client(TENANT).header("Idempotency-Key", key).post("/v1/coupons", "id=" + id + "&percent_off=5");
  }

  private static Map<String, Object> error(ApiResponse response) {
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) TestApp.body(response).get("error");
    return error;
  }

  private static DynamoDbException service(String code, int status) {
    return (DynamoDbException) DynamoDbException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
  }

  /**
   * {@code failure} on every attempt of the create's transaction: the answer has {@code status}, the
   * table is as before, and the same key then runs.
   */
  private Map<String, Object> failsThenRuns(String id, Supplier<RuntimeException> failure, int status) {
    List<Map<String, AttributeValue>> before = test.snapshot();
    test.faults.failAttemptsWith("TransactWriteItems", When.BEFORE_SENDING, failure);
    ApiResponse failed = create(id, "key-" + id);
    test.faults.clear();
    assertThat(failed.status()).as(id).isEqualTo(status);
    assertThat(test.snapshot()).as("nothing written, the key given back").isEqualTo(before);
    assertThat(create(id, "key-" + id).status()).isEqualTo(200);
    return error(failed);
  }

  @Test
  void throttling_isA429RateLimit_thenTheSameKeyRuns_andCreatesOneCoupon() {
    List<Supplier<RuntimeException>> throttles = List.of(
        () -> ProvisionedThroughputExceededException.builder().statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build(),
        () -> RequestLimitExceededException.builder().statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("RequestLimitExceeded").build()).build(),
        () -> service("ThrottlingException", 400),
        () -> TransactionCanceledException.builder().statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException").build())
            .cancellationReasons(
            CancellationReason.builder().code("ThrottlingError").build(),
            CancellationReason.builder().code("None").build()).build());
    int n = 0;
    for (Supplier<RuntimeException> throttle : throttles) {
      String id = "T" + n++;
      assertThat(failsThenRuns(id, throttle, 429)).containsEntry("code", "rate_limit")
          .containsEntry("type", "invalid_request_error");
      assertThat(create(id, "key-" + id).headers()).containsEntry("Idempotent-Replayed", "true");
    }
    assertThat(test.coupons()).hasSize(throttles.size());
  }

  @Test
  void aServerErrorALostConnectionOrATimeout_isA500_sayingToRetryWithTheSameKey() {
    List<Supplier<RuntimeException>> failures = List.of(
        () -> service("InternalServerError", 500),
        () -> service("ServiceUnavailable", 503),
        () -> SdkClientException.create("Unable to execute HTTP request: Connection reset"),
        () -> ApiCallTimeoutException.create(8000));
    int n = 0;
    for (Supplier<RuntimeException> failure : failures) {
      String id = "F" + n++;
      Map<String, Object> error = failsThenRuns(id, failure, 500);
      assertThat(error).containsEntry("type", "api_error");
      assertThat(error.get("message").toString()).contains("Retry it with the same Idempotency-Key");
    }
    assertThat(test.coupons()).hasSize(failures.size());
  }

  @Test
  void aLostAnswerAfterTheWrite_isA500_andTheRetryReplaysTheOneCouponItMade() {
    test.faults.failAttemptsWith("TransactWriteItems", When.AFTER_WRITING,
        () -> SdkClientException.create("Unable to execute HTTP request: Connection reset"));
    ApiResponse lost = create("LOST", "key-lost");
    test.faults.clear();
    assertThat(lost.status()).isEqualTo(500);
    ApiResponse retried = create("LOST", "key-lost");
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.headers()).containsEntry("Idempotent-Replayed", "true");
    assertThat(test.coupons()).hasSize(1);
  }

  @Test
  void aThrottledTransaction_isNeverMistakenForARefusal() {
    create("TAKEN", "first");
    // the id is free again only after a delete; a throttled reuse must not read as "already exists"
    test.client(TENANT).delete("/v1/coupons/TAKEN");
    test.faults.failAttemptsWith("TransactWriteItems", When.BEFORE_SENDING,
        () -> TransactionCanceledException.builder().statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException").build())
            .cancellationReasons(
            CancellationReason.builder().code("ThrottlingError").build(),
            CancellationReason.builder().code("None").build(),
            CancellationReason.builder().code("None").build()).build());
    ApiResponse throttled = create("TAKEN", "second");
    test.faults.clear();
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(create("TAKEN", "second").status()).isEqualTo(200);
  }
}

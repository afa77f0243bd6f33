package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.store.IdempotencyStore;
import dev.couponapi.testing.FaultInjector.When;
import dev.couponapi.testing.TestApp;
import dev.couponapi.testing.TestClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Idempotency-Key on POST (docs/api.md §1.5), through the shared pipeline, against DynamoDB Local. */
class IdempotencyTest {

  private static final Tenant TENANT = new Tenant("acct_idem", false);

  private final TestApp test = new TestApp();
  private final TestClient client = test.client(TENANT);

  private ApiResponse create(String key, String body, String... headers) {
    return keyed(key).headers(headers).post("/v1/coupons", body);
  }

  /** The client sending {@code Idempotency-Key: key} (none for null). */
  private TestClient keyed(String key) {
    return key == null ? client : client.header("Idempotency-Key", key);
  }

  @Test
  void replay_returnsTheIdenticalBytes_withTheReplayHeader_andCreatesNothingMore() {
    ApiResponse first = create("key-1", "percent_off=10&metadata[b]=2&metadata[a]=1");
    ApiResponse replay = create("key-1", "metadata[a]=1&percent_off=10&metadata[b]=2");
    assertThat(first.status()).isEqualTo(200);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.headers()).containsEntry("Idempotent-Replayed", "true")
        .containsEntry("Original-Request", first.headers().get("Request-Id"));
    assertThat(first.headers()).doesNotContainKey("Idempotent-Replayed");
    assertThat(replay.headers().get("Request-Id")).isNotEqualTo(first.headers().get("Request-Id"));
    assertThat(test.coupons()).hasSize(1);
  }

  @Test
  void replay_keepsTheOriginalVersionsRendering() {
    ApiResponse first = create("key-v", "percent_off=10", "Stripe-Version", "2024-06-20");
    ApiResponse replay = create("key-v", "percent_off=10", "Stripe-Version", "2025-09-30.clover");
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.headers()).containsEntry("Stripe-Version", "2024-06-20");
  }

  @Test
  void otherParameters_withTheSameKey_400IdempotencyError() {
    create("key-2", "percent_off=10");
    ApiResponse other = create("key-2", "percent_off=20");
    assertThat(other.status()).isEqualTo(400);
    assertThat(TestApp.body(other).get("error")).isEqualTo(Map.of(
        "message", "Keys for idempotent requests can only be used with the same parameters they were first used "
            + "with. Try using a key other than 'key-2' if you meant to execute a different request.",
        "type", "idempotency_error"));
    assertThat(test.coupons()).hasSize(1);
  }

  @Test
  void theSameKey_onAnotherEndpoint_400IdempotencyError() {
    create("key-3", "id=ONE&percent_off=10");
    ApiResponse update = keyed("key-3").post("/v1/coupons/ONE", "percent_off=10");
    assertThat(update.status()).isEqualTo(400);
    assertThat(update.bodyText()).contains("idempotency_error");
  }

  @Test
  void keysAreScopedByAccountAndMode() {
    create("shared-key", "percent_off=10");
    ApiResponse live = keyed("shared-key").as(new Tenant("acct_idem", true)).post("/v1/coupons", "percent_off=10");
    assertThat(live.headers()).doesNotContainKey("Idempotent-Replayed");
    assertThat(test.coupons()).hasSize(2);
  }

  @Test
  void afterTwentyFourHours_theKeyStartsAFreshRequest_evenBeforeTtlRemovesIt() {
    ApiResponse first = create("key-4", "percent_off=10");
    test.clock.advance(Duration.ofHours(24).minusSeconds(1));
    assertThat(create("key-4", "percent_off=10").headers()).containsEntry("Idempotent-Replayed", "true");
    test.clock.advance(Duration.ofSeconds(1));
    ApiResponse fresh = create("key-4", "percent_off=10");
    assertThat(fresh.headers()).doesNotContainKey("Idempotent-Replayed");
    assertThat(TestApp.body(fresh).get("id")).isNotEqualTo(TestApp.body(first).get("id"));
    assertThat(test.coupons()).hasSize(2);
  }

  @Test
  void aValidationError_isNotStored_soACorrectedRetryRuns() {
    assertThat(create("key-5", "percent_off=abc").status()).isEqualTo(400);
    assertThat(create("key-5", "duration=once").status()).isEqualTo(400);
    ApiResponse corrected = create("key-5", "percent_off=15");
    assertThat(corrected.status()).isEqualTo(200);
    assertThat(test.coupons()).hasSize(1);
  }

  @Test
  void anOutcome4xx_isStoredAndReplayed() {
    create(null, "id=TAKEN&percent_off=10");
    ApiResponse refused = create("key-6", "id=TAKEN&percent_off=20");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.bodyText()).contains("resource_already_exists");
    client.delete("/v1/coupons/TAKEN");
    ApiResponse replay = create("key-6", "id=TAKEN&percent_off=20");
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.body()).isEqualTo(refused.body());
    assertThat(replay.headers()).containsEntry("Idempotent-Replayed", "true");
  }

  @Test
  void whileTheFirstRequestIsInFlight_409_untilItsClaimGoesStale() {
    new IdempotencyStore(test.dynamo, test.table).claim(TENANT, "key-7",
        Fingerprint.of("POST", "/v1/coupons", Map.of("percent_off", "10")), "req_other", test.clock.instant());
    ApiResponse busy = create("key-7", "percent_off=10");
    assertThat(busy.status()).isEqualTo(409);
    assertThat(busy.bodyText()).contains("\"code\":\"idempotency_key_in_use\"").contains("idempotency_error");
    assertThat(create("key-7", "percent_off=99").status()).isEqualTo(400);
    test.clock.advance(IdempotencyStore.STALE_CLAIM.plusSeconds(1));
    assertThat(create("key-7", "percent_off=10").status()).isEqualTo(200);
    assertThat(test.coupons()).hasSize(1);
  }

  @Test
  void aFaultAfterTheWrite_aRetryWithTheKeyGetsTheOriginal_oneObjectInTheEnd() {
    test.faults.failNext("TransactWriteItems", When.AFTER_WRITING);
    ApiResponse failed = create("key-8", "percent_off=10");
    assertThat(failed.status()).isEqualTo(500);
    assertThat(test.coupons()).hasSize(1);
    ApiResponse retry = create("key-8", "percent_off=10");
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.headers()).containsEntry("Idempotent-Replayed", "true");
    assertThat(TestApp.body(retry).get("id")).isEqualTo(test.coupons().get(0).get("id").s());
    assertThat(test.coupons()).hasSize(1);
  }

  @Test
  void aFaultBeforeTheWrite_releasesTheKey_andTheRetryCreates() {
    test.faults.failNext("TransactWriteItems", When.BEFORE_SENDING);
    assertThat(create("key-9", "percent_off=10").status()).isEqualTo(500);
    assertThat(test.coupons()).isEmpty();
    ApiResponse retry = create("key-9", "percent_off=10");
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.headers()).doesNotContainKey("Idempotent-Replayed");
    assertThat(test.coupons()).hasSize(1);
  }

  @Test
  void aFaultAfterAnUpdate_theRetryCompletesIt() {
    create(null, "id=UPD&percent_off=10");
    test.faults.failNext("UpdateItem", When.AFTER_WRITING);
    assertThat(keyed("key-10").post("/v1/coupons/UPD", "metadata[step]=1").status()).isEqualTo(500);
    ApiResponse retry = keyed("key-10").post("/v1/coupons/UPD", "metadata[step]=1");
    assertThat(retry.status()).isEqualTo(200);
    assertThat(TestApp.body(retry).get("metadata")).isEqualTo(Map.of("step", "1"));
    assertThat(keyed("key-10").post("/v1/coupons/UPD", "metadata[step]=1").headers())
        .containsEntry("Idempotent-Replayed", "true");
  }

  @Test
  void callCounts_claimThenOneTransaction_replayIsTheFailedClaimAlone() {
    test.calls.reset();
    create("key-11", "percent_off=10");
    assertThat(test.calls.operations()).containsExactly("PutItem", "TransactWriteItems");
    assertThat(((PutItemRequest) test.calls.requests().get(0)).conditionExpression())
        .isEqualTo(IdempotencyStore.CLAIMABLE);
    test.calls.reset();
    create("key-11", "percent_off=10");
    assertThat(test.calls.operations()).containsExactly("PutItem");
    test.calls.reset();
    keyed("key-12").post("/v1/coupons/x", "name=n");
    assertThat(test.calls.operations()).containsExactly("PutItem", "GetItem", "UpdateItem");
  }

  @Test
  void overlongKey_400_nothingWritten() {
    ApiResponse response = create("k".repeat(256), "percent_off=10");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("Idempotency-Key");
    assertThat(test.snapshot()).isEmpty();
  }

  @Test
  void getRequestsIgnoreTheKey() {
    test.calls.reset();
    assertThat(keyed("key-13").get("/v1/coupons").status()).isEqualTo(200);
    assertThat(test.calls.operations()).containsExactly("Query");
  }
}

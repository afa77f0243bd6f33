package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Hundreds of redemptions racing for one coupon or code (docs/design.md, "Hot codes"): never more
 * than the cap, whatever the shard count, faults, retries, conflicts, deletes and switch-offs; and
 * once quiet, {@code times_redeemed} is exactly the discounts that exist.
 */
class RedemptionRaceTest {

  private static final int ATTEMPTS = 300;
  private static final int THREADS = 24;

  /** One request of a race: what came back, and when it started and ended. */
  record Outcome(ApiResponse response, long started, long ended) {

    boolean succeeded() {
      return response.status() == 200;
    }

    Map<String, Object> body() {
      return TestApp.body(response);
    }
  }

  static Stream<Arguments> racingRedemptionsOfACoupon_neverExceedTheCap_andTheCountIsTheDiscountsMade() {
    return Stream.of(Arguments.of(1, 5), Arguments.of(8, 50), Arguments.of(32, 150), Arguments.of(64, 40),
        Arguments.of(64, 1000));
  }

  @ParameterizedTest(name = "{0} shards, cap {1}")
  @MethodSource
  void racingRedemptionsOfACoupon_neverExceedTheCap_andTheCountIsTheDiscountsMade(int shards, int cap) {
    DiscountFixture f = new DiscountFixture(TestApp.withShards(shards));
    f.coupon("id=HOT&percent_off=10&max_redemptions=" + cap);
    AtomicBoolean racing = new AtomicBoolean(true);
    List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      while (racing.get()) {
        seen.add(f.timesRedeemed("HOT"));
      }
    });
    reader.start();
    List<Outcome> outcomes = race(ATTEMPTS, i -> f.client.version(CLOVER).post("/v1/customers", "coupon=HOT"));
    racing.set(false);
    join(reader);

    long successes = outcomes.stream().filter(Outcome::succeeded).count();
    assertThat(successes).isEqualTo(Math.min(cap, ATTEMPTS));
    assertThat(outcomes.stream().filter(outcome -> !outcome.succeeded())).allSatisfy(refused -> {
      assertThat(refused.response().status()).isEqualTo(400);
      assertThat(error(refused.body())).containsEntry("code", "coupon_expired").containsEntry("param", "coupon");
    });
    assertThat(f.timesRedeemed("HOT")).isEqualTo(successes);
    assertThat(customersWithADiscount(f)).isEqualTo(successes);
    assertConserved(shardsOf(f, "#ctr#coupon_"), cap, successes);
    assertThat(seen).allSatisfy(count -> assertThat(count).isBetween(0L, (long) cap));
    assertThat(seen).isSorted();
  }

  @Test
  void racingRedemptionsOfACappedCode_stopAtItsCap_withItsOwnMessage_andTheCouponCountsTheSame() {
    DiscountFixture f = new DiscountFixture(TestApp.withShards(16));
    f.coupon("id=BIG&percent_off=10&max_redemptions=500");
    String code = (String) TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=BIG&max_redemptions=60")).get("id");
    List<Outcome> outcomes = race(ATTEMPTS, i -> f.client.version(CLOVER).post("/v1/customers",
        "promotion_code=" + code));
    long successes = outcomes.stream().filter(Outcome::succeeded).count();
    assertThat(successes).isEqualTo(60);
    assertThat(outcomes.stream().filter(outcome -> !outcome.succeeded())).allSatisfy(refused ->
        assertThat(error(refused.body())).containsEntry("param", "promotion_code")
            .containsEntry("message", "This promotion code has been redeemed its maximum number of times."));
    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/promotion_codes/" + code)))
        .containsEntry("times_redeemed", 60);
    assertThat(f.timesRedeemed("BIG")).isEqualTo(60);
    assertConserved(shardsOf(f, "#ctr#promo_"), 60, 60);
  }

  @Test
  void withTermsKept_asDeployed_racingRedemptionsOfACodeAndItsCoupon_stillStopAtTheCap() {
    DiscountFixture f = new DiscountFixture(TestApp.with(new dev.couponapi.app.RedemptionSettings(8,
        java.time.Duration.ofSeconds(2))));
    f.coupon("id=KEPT&percent_off=10&max_redemptions=45");
    String code = (String) TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=KEPT")).get("id");
    List<Outcome> outcomes = race(ATTEMPTS, i -> f.client.version(CLOVER).post("/v1/customers",
        i % 2 == 0 ? "coupon=KEPT" : "promotion_code=" + code));
    assertThat(outcomes.stream().filter(Outcome::succeeded).count()).isEqualTo(45);
    assertThat(outcomes.stream().filter(outcome -> !outcome.succeeded())).allSatisfy(refused ->
        assertThat(error(refused.body())).containsEntry("code", "coupon_expired"));
    assertThat(f.timesRedeemed("KEPT")).isEqualTo(45);
    assertThat(customersWithADiscount(f)).isEqualTo(45);
    assertConserved(shardsOf(f, "#ctr#coupon_"), 45, 45);
  }

  @Test
  void lostAnswers_retriedWithTheSameIdempotencyKey_countOnceEach_andNeverPastTheCap() {
    LoseEveryNthAnswer lose = new LoseEveryNthAnswer(4);
    DiscountFixture f = new DiscountFixture(TestApp.withShards(8, lose));
    f.coupon("id=FLAKY&percent_off=10&max_redemptions=80");
    List<Outcome> outcomes = race(150, i -> {
      ApiResponse response = null;
      for (int attempt = 0; attempt < 4; attempt++) {
        response = f.client.version(CLOVER).header("Idempotency-Key", "k-" + i).post("/v1/customers", "coupon=FLAKY");
        if (response.status() != 500) {
          break;
        }
      }
      return response;
    });
    assertThat(lose.acted.get()).as("answers lost").isGreaterThan(10);
    long successes = outcomes.stream().filter(Outcome::succeeded).count();
    assertThat(successes).isEqualTo(80);
    assertThat(customersWithADiscount(f)).isEqualTo(80);
    assertThat(f.timesRedeemed("FLAKY")).isEqualTo(80);
    assertConserved(shardsOf(f, "#ctr#coupon_"), 80, 80);
  }

  @Test
  void injectedTransactionConflicts_areRetried_andChangeNothingOfTheOutcome() {
    ConflictEveryNthTransaction conflicts = new ConflictEveryNthTransaction(3);
    DiscountFixture f = new DiscountFixture(TestApp.withShards(4, conflicts));
    f.coupon("id=BUSY&percent_off=10&max_redemptions=120");
    List<Outcome> outcomes = race(200, i -> f.client.version(CLOVER).post("/v1/customers", "coupon=BUSY"));
    assertThat(conflicts.acted.get()).as("conflicts injected").isGreaterThan(50);
    assertThat(outcomes.stream().filter(Outcome::succeeded).count()).isEqualTo(120);
    assertThat(f.timesRedeemed("BUSY")).isEqualTo(120);
    assertThat(customersWithADiscount(f)).isEqualTo(120);
  }

  @Test
  void aDeleteRacingRedemptions_letsNothingRedeemAfterItAnswers() throws Exception {
    DiscountFixture f = new DiscountFixture(TestApp.withShards(8));
    f.coupon("id=GOING&percent_off=10&max_redemptions=1000");
    Midway deletion = new Midway(60, () -> f.client.version(CLOVER).delete("/v1/coupons/GOING"));
    List<Outcome> outcomes = race(ATTEMPTS, i -> {
      deletion.started.incrementAndGet();
      return f.client.version(CLOVER).post("/v1/customers", "coupon=GOING");
    });
    assertThat(deletion.response().status()).isEqualTo(200);
    long deleted = deletion.answeredAt.get();
    assertThat(outcomes.stream().filter(outcome -> outcome.succeeded() && outcome.started() > deleted))
        .as("redemptions that began after the delete answered").isEmpty();
    assertThat(outcomes.stream().filter(outcome -> outcome.started() > deleted)).isNotEmpty()
        .allSatisfy(late -> assertThat(error(late.body())).containsEntry("code", "resource_missing"));
    long successes = outcomes.stream().filter(Outcome::succeeded).count();
    assertThat(successes).isPositive();
    assertThat(customersWithADiscount(f)).isEqualTo(successes);
    assertConserved(shardsOf(f, "#ctr#coupon_"), 1000, successes);
    assertThat(shardsOf(f, "#ctr#coupon_")).allSatisfy(shard -> assertThat(shard.get("open").bool()).isFalse());
  }

  @Test
  void aSwitchOffRacingRedemptions_letsNothingRedeemTheCodeAfterItAnswers() throws Exception {
    DiscountFixture f = new DiscountFixture(TestApp.withShards(8));
    f.coupon("id=SALE&percent_off=10");
    String code = (String) TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=SALE")).get("id");
    Midway off = new Midway(60, () -> f.client.version(CLOVER).post("/v1/promotion_codes/" + code, "active=false"));
    List<Outcome> outcomes = race(ATTEMPTS, i -> {
      off.started.incrementAndGet();
      return f.client.version(CLOVER).post("/v1/customers", "promotion_code=" + code);
    });
    assertThat(off.response().status()).isEqualTo(200);
    long switchedOff = off.answeredAt.get();
    assertThat(outcomes.stream().filter(outcome -> outcome.started() > switchedOff)).isNotEmpty()
        .allSatisfy(late -> assertThat(error(late.body()))
            .containsEntry("message", "This promotion code is inactive."));
    long successes = outcomes.stream().filter(Outcome::succeeded).count();
    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/promotion_codes/" + code)))
        .containsEntry("times_redeemed", (int) successes).containsEntry("active", false);
    assertThat(customersWithADiscount(f)).isEqualTo(successes);
  }

  @Test
  void aCouponStoredBeforeSharding_keepsCountingOnItsOwnItem_toItsCap() {
    DiscountFixture f = new DiscountFixture(TestApp.withShards(8));
    f.coupon("id=OLD&percent_off=10&max_redemptions=30");
    // as a coupon written before sharding: no shards, its count on its item
    var dynamo = f.test.dynamo;
    String pk = "acct_disc#test#coupon#OLD";
    dynamo.updateItem(request -> request.tableName(f.test.table).key(Map.of("pk", AttributeValue.fromS(pk)))
        .updateExpression("SET times_redeemed = :seven REMOVE shards")
        .expressionAttributeValues(Map.of(":seven", AttributeValue.fromN("7"))));
    assertThat(f.timesRedeemed("OLD")).isEqualTo(7);
    List<Outcome> outcomes = race(60, i -> f.client.version(CLOVER).post("/v1/customers", "coupon=OLD"));
    assertThat(outcomes.stream().filter(Outcome::succeeded).count()).isEqualTo(23);
    assertThat(f.timesRedeemed("OLD")).isEqualTo(30);
  }

  @Test
  void aCodeStoredBeforeSharding_keepsCountingOnItsOwnItem_toItsCap_andSwitchesOffAsBefore() {
    DiscountFixture f = new DiscountFixture(TestApp.withShards(8));
    f.coupon("id=OLDC&percent_off=10");
    String code = (String) TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=OLDC&max_redemptions=12")).get("id");
    f.test.dynamo.updateItem(request -> request.tableName(f.test.table)
        .key(Map.of("pk", AttributeValue.fromS("acct_disc#test#promo#" + code)))
        .updateExpression("SET times_redeemed = :four REMOVE shards")
        .expressionAttributeValues(Map.of(":four", AttributeValue.fromN("4"))));
    List<Outcome> outcomes = race(40, i -> f.client.version(CLOVER).post("/v1/customers", "promotion_code=" + code));
    assertThat(outcomes.stream().filter(Outcome::succeeded).count()).isEqualTo(8);
    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/promotion_codes/" + code)))
        .containsEntry("times_redeemed", 12);
    assertThat(f.timesRedeemed("OLDC")).isEqualTo(8);
    assertThat(TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes/" + code, "active=false")))
        .containsEntry("active", false);
  }

  private static List<Outcome> race(int attempts, IntFunction<ApiResponse> attempt) {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          long started = System.nanoTime();
          ApiResponse response = attempt.apply(n);
          return new Outcome(response, started, System.nanoTime());
        }));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } catch (Exception failed) {
      throw new AssertionError(failed);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long customersWithADiscount(DiscountFixture f) {
    return f.test.snapshot().stream().filter(item -> item.get("pk").s().contains("#customer#")
        && item.containsKey("discount") && item.get("discount").m() != null && !item.get("discount").m().isEmpty())
        .count();
  }

  private static List<Map<String, AttributeValue>> shardsOf(DiscountFixture f, String marker) {
    return f.test.snapshot().stream().filter(item -> item.get("pk").s().contains(marker)).toList();
  }

  /** Σ(used + left) is the cap, no shard is below zero, and Σ used is what was redeemed. */
  private static void assertConserved(List<Map<String, AttributeValue>> shards, long cap, long redeemed) {
    assertThat(shards).isNotEmpty();
    long used = shards.stream().mapToLong(shard -> Long.parseLong(shard.get("used").n())).sum();
    long left = shards.stream().mapToLong(shard -> Long.parseLong(shard.get("left").n())).sum();
    assertThat(shards).allSatisfy(shard -> assertThat(Long.parseLong(shard.get("left").n())).isNotNegative());
    assertThat(used + left).isEqualTo(cap);
    assertThat(used).isEqualTo(redeemed);
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException interrupted) {
      throw new AssertionError(interrupted);
    }
  }

  /** One request sent while a race runs, once {@code after} of its attempts have started; and when it answered. */
  static final class Midway {
    final AtomicInteger started = new AtomicInteger();
    final AtomicLong answeredAt = new AtomicLong(Long.MAX_VALUE);
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<ApiResponse> response;

    Midway(int after, java.util.function.Supplier<ApiResponse> request) {
      response = thread.submit(() -> {
        while (started.get() < after) {
          Thread.onSpinWait();
        }
        ApiResponse answer = request.get();
        answeredAt.set(System.nanoTime());
        return answer;
      });
    }

    ApiResponse response() throws Exception {
      try {
        return response.get();
      } finally {
        thread.shutdown();
      }
    }
  }

  /** Acts on every n-th TransactWriteItems; {@code acted} counts how often it did. */
  abstract static class EveryNthTransaction implements ExecutionInterceptor {
    private final int n;
    private final AtomicInteger seen = new AtomicInteger();
    final AtomicInteger acted = new AtomicInteger();

    EveryNthTransaction(int n) {
      this.n = n;
    }

    /** Whether {@code request} is the transaction to act on (counted as acted on). */
    boolean turn(SdkRequest request) {
      if (request instanceof TransactWriteItemsRequest && seen.incrementAndGet() % n == 0) {
        acted.incrementAndGet();
        return true;
      }
      return false;
    }
  }

  /** Loses the answer of every n-th TransactWriteItems after DynamoDB wrote it, as a dropped connection would. */
  static final class LoseEveryNthAnswer extends EveryNthTransaction {
    LoseEveryNthAnswer(int n) {
      super(n);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      if (turn(context.request())) {
        throw new IllegalStateException("answer lost after the write");
      }
    }
  }

  /**
   * Cancels every n-th TransactWriteItems before it is sent, as DynamoDB does when another
   * transaction holds one of its items (DynamoDB Local rarely does): nothing is written.
   */
  static final class ConflictEveryNthTransaction extends EveryNthTransaction {
    ConflictEveryNthTransaction(int n) {
      super(n);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      if (turn(context.request()) && context.request() instanceof TransactWriteItemsRequest transaction) {
        List<CancellationReason> reasons = new ArrayList<>();
        for (int i = 0; i < transaction.transactItems().size(); i++) {
          reasons.add(CancellationReason.builder().code(i == 0 ? "TransactionConflict" : "None").build());
        }
        throw TransactionCanceledException.builder().message("Transaction cancelled [TransactionConflict]")
            .cancellationReasons(reasons).statusCode(400).build();
      }
    }
  }
}

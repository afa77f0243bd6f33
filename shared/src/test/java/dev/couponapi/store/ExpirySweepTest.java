package dev.couponapi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponDuration;
import dev.couponapi.domain.Tenant;
import dev.couponapi.service.ExpirySweep;
import dev.couponapi.testing.FaultInjector;
import dev.couponapi.testing.TestApp;
import dev.couponapi.api.Ids;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The sweep reads what expires, not the table; it is idempotent, overlap-safe and resumable. */
class ExpirySweepTest {

  private static final Tenant TENANT = new Tenant("acct_sweep", false);
  private static final int COUPONS = 20_000;
  private static final int EXPIRING = 200;

  private final TestApp test = new TestApp();
  private final Instant start = test.clock.instant();
  private final long redeemBy = start.plus(Duration.ofHours(1)).getEpochSecond();

  /** 20,000 coupons, 200 of them with a redeem_by an hour from now, written in batches. */
  private void twentyThousandCoupons() {
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < COUPONS; i++) {
      Coupon coupon = new Coupon("C" + i, start.getEpochSecond(), BigDecimal.TEN, null, null, Map.of(),
          CouponDuration.ONCE, null, null, i % (COUPONS / EXPIRING) == 0 ? redeemBy : null, null, Map.of(), null, 0,
          null, false);
      String pk = ObjectType.COUPON.key(TENANT, coupon.id());
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(CouponMapper.toItem(pk,
          ObjectType.COUPON.listKey(TENANT), NewestFirstIndex.newListKey(coupon.created(), start), Ids.random(12),
          0, coupon)).build()).build());
      if (batch.size() == 25) {
        write(batch);
        batch = new ArrayList<>();
      }
    }
    write(batch);
  }

  private void write(List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(test.table, batch);
    while (!pending.isEmpty() && !pending.get(test.table).isEmpty()) {
      var response = test.dynamo.batchWriteItem(request -> request.requestItems(Map.of(test.table, batch)));
      pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
    }
  }

  private long storedInvalid() {
    return test.snapshot().stream().filter(item -> item.get("pk").s().contains("#coupon#"))
        .filter(item -> item.containsKey("valid") && !item.get("valid").bool()).count();
  }

  private long stillDue() {
    return test.snapshot().stream().filter(item -> item.containsKey(Table.GSI6_PK)).count();
  }

  @Test
  void twentyThousandCoupons_twoHundredExpire_theSweepTouchesThoseTwoHundred() {
    twentyThousandCoupons();
    test.clock.set(start.plus(Duration.ofHours(2)));
    test.calls.reset();

    ExpirySweep.Summary summary = test.app.sweep().run(1000);

    assertThat(summary.couponsExpired()).isEqualTo(EXPIRING);
    assertThat(summary.complete()).isTrue();
    List<String> operations = test.calls.operations();
    assertThat(operations).doesNotContain("Scan");
    long couponWrites = test.calls.requests().stream().filter(UpdateItemRequest.class::isInstance)
        .map(UpdateItemRequest.class::cast).filter(update -> update.key().get("pk").s().contains("#coupon#")).count();
    assertThat(couponWrites).isEqualTo(EXPIRING);
    long expiryQueries = test.calls.requests().stream().filter(QueryRequest.class::isInstance)
        .map(QueryRequest.class::cast).filter(query -> Table.GSI6.equals(query.indexName())).count();
    long codeQueries = test.calls.requests().stream().filter(QueryRequest.class::isInstance)
        .map(QueryRequest.class::cast).filter(query -> Table.GSI3.equals(query.indexName())).count();
    // one Query per day and shard (31 days on a first run), one per expired coupon for its codes
    assertThat(expiryQueries).isEqualTo(31L * ExpiryIndex.SHARDS);
    assertThat(codeQueries).isEqualTo(EXPIRING);
    assertThat(operations.size()).isLessThan(EXPIRING * 2 + 31 * ExpiryIndex.SHARDS + 40);
    assertThat(storedInvalid()).isEqualTo(EXPIRING);
    assertThat(stillDue()).isZero();

    test.calls.reset();
    ExpirySweep.Summary again = test.app.sweep().run(1000);
    assertThat(again.examined()).isZero();
    assertThat(test.calls.operations()).filteredOn("Query"::equals).hasSize(ExpiryIndex.SHARDS);
  }

  @Test
  void twoOverlappingSweeps_applyEachEffectOnce() throws Exception {
    twentyThousandCoupons();
    test.clock.set(start.plus(Duration.ofHours(2)));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<ExpirySweep.Summary>> runs = pool.invokeAll(List.of(() -> test.app.sweep().run(1000),
        () -> test.app.sweep().run(1000)));
    pool.shutdown();
    long expired = 0;
    for (Future<ExpirySweep.Summary> run : runs) {
      expired += run.get().couponsExpired();
      assertThat(run.get().complete()).isTrue();
    }
    assertThat(expired).isEqualTo(EXPIRING);
    assertThat(storedInvalid()).isEqualTo(EXPIRING);
    assertThat(stillDue()).isZero();
  }

  @Test
  void aSweepThatFailsHalfway_andRunsAgain_appliesEveryEffectOnce() {
    twentyThousandCoupons();
    test.clock.set(start.plus(Duration.ofHours(2)));
    test.faults.failCall("UpdateItem", 101, FaultInjector.When.AFTER_WRITING);
    assertThatThrownBy(() -> test.app.sweep().run(1000)).isInstanceOf(FaultInjector.InjectedFault.class);
    long partial = storedInvalid();
    assertThat(partial).isBetween(1L, EXPIRING - 1L);

    ExpirySweep.Summary rerun = test.app.sweep().run(1000);
    assertThat(rerun.couponsExpired()).isEqualTo(EXPIRING - partial);
    assertThat(storedInvalid()).isEqualTo(EXPIRING);
    assertThat(stillDue()).isZero();
  }

  @Test
  void aBoundedRun_stopsAndTheNextResumes() {
    twentyThousandCoupons();
    test.clock.set(start.plus(Duration.ofHours(2)));
    ExpirySweep.Summary first = test.app.sweep().run(150);
    assertThat(first.complete()).isFalse();
    assertThat(first.couponsExpired()).isEqualTo(150);
    ExpirySweep.Summary second = test.app.sweep().run(150);
    assertThat(second.complete()).isTrue();
    assertThat(second.couponsExpired()).isEqualTo(50);
  }

  @Test
  void nothingIsDueBeforeItsTime() {
    twentyThousandCoupons();
    ExpirySweep.Summary early = test.app.sweep().run(1000);
    assertThat(early.examined()).isZero();
    assertThat(stillDue()).isEqualTo(EXPIRING);
  }

}

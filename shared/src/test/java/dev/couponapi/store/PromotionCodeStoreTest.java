package dev.couponapi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponDuration;
import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.Tenant;
import dev.couponapi.store.PromotionCodeStore.Refusal;
import dev.couponapi.testing.TestApp;
import dev.couponapi.api.Ids;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

class PromotionCodeStoreTest {

  private static final Tenant TENANT = new Tenant("acct_codes", false);
  private static final Instant NOW = TestApp.START;

  private TestApp test;
  private CouponStore coupons;
  private PromotionCodeStore store;
  private String rev;

  @BeforeEach
  void setUp() {
    test = new TestApp();
    coupons = new CouponStore(test.dynamo, test.table);
    store = new PromotionCodeStore(test.dynamo, test.table, coupons);
    coupons.insert(TENANT, new Coupon("C", NOW.getEpochSecond(), BigDecimal.TEN, null, null, Map.of(),
        CouponDuration.ONCE, null, null, null, null, Map.of(), null, 0, null, false), NOW, null);
    rev = coupons.find(TENANT, "C").orElseThrow().rev();
  }

  private PromotionCode code(String text, String customer, boolean active) {
    return new PromotionCode("promo_" + Ids.random(24), text, "C", rev, NOW.getEpochSecond(), customer, null, null, 0,
        active, Map.of(), PromotionCode.Restrictions.NONE, false);
  }

  private boolean inserts(PromotionCode code) {
    try {
      store.insert(TENANT, code, NOW, null);
      return true;
    } catch (Refused refused) {
      assertThat(refused.reason()).isEqualTo(Refusal.CODE_TAKEN);
      return false;
    }
  }

  @Test
  void twoConcurrentCreatesOfOneText_exactlyOneWins_whateverTheCase() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Boolean>> creates = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String text = i % 2 == 0 ? "SUMMER" : "summer";
      creates.add(() -> inserts(code(text, null, true)));
    }
    int winners = 0;
    for (Future<Boolean> result : pool.invokeAll(creates)) {
      winners += result.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(winners).isEqualTo(1);
    assertThat(test.snapshot()).filteredOn(item -> item.get("pk").s().contains("#promo#")).hasSize(1);
  }

  @Test
  void create_isOneTransaction_couponCheckCodeAndMarker_withTheUniquenessCondition() {
    test.calls.reset();
    store.insert(TENANT, code("SAVE", null, true), NOW, null);
    assertThat(test.calls.operations()).containsExactly("TransactWriteItems");
    TransactWriteItemsRequest transaction = (TransactWriteItemsRequest) test.calls.requests().get(0);
    var items = transaction.transactItems();
    assertThat(items).hasSize(3 + CounterShards.DEFAULT_SHARDS);
    assertThat(items.get(0).conditionCheck().conditionExpression())
        .isEqualTo("attribute_not_exists(#deleted) AND #rev = :rev");
    assertThat(items.subList(2, 2 + CounterShards.DEFAULT_SHARDS))
        .allSatisfy(item -> assertThat(item.put().conditionExpression()).isEqualTo("attribute_not_exists(pk)"));
    assertThat(items.get(items.size() - 1).update().conditionExpression())
        .isEqualTo(CodeMarkers.FREE_FOR_UNRESTRICTED);
  }

  @Test
  void customerRestrictedCodes_shareTextWithEachOther_butNotWithAnUnrestrictedOne() {
    assertThat(inserts(code("VIP", "cus_a", true))).isTrue();
    assertThat(inserts(code("VIP", "cus_b", true))).as("another customer").isTrue();
    assertThat(inserts(code("vip", "cus_a", true))).as("the same customer").isFalse();
    assertThat(inserts(code("Vip", null, true))).as("unrestricted over restricted").isFalse();
    assertThat(inserts(code("OPEN", null, true))).isTrue();
    assertThat(inserts(code("open", "cus_a", true))).as("restricted over unrestricted").isFalse();
  }

  @Test
  void inactiveCodes_holdNoText() {
    assertThat(inserts(code("SPRING", null, false))).isTrue();
    assertThat(inserts(code("SPRING", null, true))).isTrue();
    assertThat(inserts(code("SPRING", null, false))).isTrue();
  }

  @Test
  void deactivating_freesTheText_andReactivating_conflictsWhileAnotherHoldsIt() {
    PromotionCode first = code("FALL", null, true);
    store.insert(TENANT, first, NOW, null);
    store.replace(TENANT, store.find(TENANT, first.id()).orElseThrow(), first.withActive(false), null);
    PromotionCode second = code("fall", null, true);
    assertThat(inserts(second)).as("freed by deactivation").isTrue();

    PromotionCodeStore.Stored firstNow = store.find(TENANT, first.id()).orElseThrow();
    assertThatThrownBy(() -> store.replace(TENANT, firstNow, first.withActive(true), null))
        .extracting(e -> ((Refused) e).reason()).isEqualTo(Refusal.CODE_TAKEN);
    assertThat(store.find(TENANT, first.id()).orElseThrow().code().activeFlag()).isFalse();

    store.replace(TENANT, store.find(TENANT, second.id()).orElseThrow(), second.withActive(false), null);
    store.replace(TENANT, store.find(TENANT, first.id()).orElseThrow(), first.withActive(true), null);
    assertThat(store.find(TENANT, first.id()).orElseThrow().code().activeFlag()).isTrue();
  }

  @Test
  void replace_refusesAReadThatIsNoLongerCurrent() {
    PromotionCode code = code("STALE", null, true);
    store.insert(TENANT, code, NOW, null);
    PromotionCodeStore.Stored read = store.find(TENANT, code.id()).orElseThrow();
    store.replace(TENANT, read, code.withActive(true), null);
    assertThatThrownBy(() -> store.replace(TENANT, read, code.withActive(false), null))
        .extracting(e -> ((Refused) e).reason()).isEqualTo(Refusal.CHANGED_MEANWHILE);
  }

  @Test
  void aCouponDeletedBeforeTheWrite_failsTheCreate() {
    coupons.delete(TENANT, "C", NOW, coupon -> null);
    assertThatThrownBy(() -> store.insert(TENANT, code("LATE", null, true), NOW, null))
        .extracting(e -> ((Refused) e).reason()).isEqualTo(Refusal.COUPON_GONE);
    assertThat(test.snapshot()).noneMatch(item -> item.get("pk").s().contains("#promo#"));
  }
}

package dev.couponapi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponChanges;
import dev.couponapi.domain.CouponDuration;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class CouponStoreTest {

  private static final Tenant TENANT = new Tenant("acct_store", false);
  private static final Instant NOW = TestApp.START;

  private TestApp test;
  private CouponStore store;

  @BeforeEach
  void setUp() {
    test = new TestApp();
    store = new CouponStore(test.dynamo, test.table);
  }

  private static Coupon coupon(String id, long created) {
    return new Coupon(id, created, new BigDecimal("10"), null, null, Map.of(), CouponDuration.ONCE, null, null, null,
        "name", Map.of("k", "v"), null, 0, null, false);
  }

  private static Coupon amountCoupon(String id) {
    return new Coupon(id, NOW.getEpochSecond(), null, 500L, "usd", Map.of(), CouponDuration.ONCE, null, null, null,
        null, Map.of(), null, 0, null, false);
  }

  @Test
  void insert_isOneTransaction_ofConditionalPuts_theCouponOnAFreeId_andItsShards() {
    test.calls.reset();
    store.insert(TENANT, coupon("C1", NOW.getEpochSecond()), NOW, null);
    assertThat(test.calls.operations()).containsExactly("TransactWriteItems");
    var items = ((software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest) test.calls.requests().get(0))
        .transactItems();
    assertThat(items).hasSize(1 + CounterShards.DEFAULT_SHARDS)
        .allSatisfy(item -> assertThat(item.put().conditionExpression()).isEqualTo("attribute_not_exists(pk)"));
    assertThat(items.get(0).put().item()).containsEntry("shards", Attr.n(CounterShards.DEFAULT_SHARDS))
        .doesNotContainKey("times_redeemed");
    assertThat(store.find(TENANT, "C1")).get().extracting(stored -> stored.coupon()).isEqualTo(coupon("C1",
        NOW.getEpochSecond()));
  }

  @Test
  void insert_refusesATakenId() {
    store.insert(TENANT, coupon("C1", 1), NOW, null);
    assertThatThrownBy(() -> store.insert(TENANT, coupon("C1", 2), NOW, null)).isInstanceOf(Refused.class)
        .extracting(e -> ((Refused) e).reason()).isEqualTo(CouponStore.Refusal.ID_TAKEN);
    assertThat(store.find(TENANT, "C1").orElseThrow().coupon().created()).isEqualTo(1);
  }

  @Test
  void concurrentInsertsOfOneId_exactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      long created = i;
      attempts.add(() -> {
        try {
          store.insert(TENANT, coupon("RACE", created), NOW, null);
          return true;
        } catch (Refused taken) {
          return false;
        }
      });
    }
    long winners = 0;
    for (Future<Boolean> result : pool.invokeAll(attempts)) {
      winners += result.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(winners).isEqualTo(1);
  }

  @Test
  void reusingADeletedId_keepsTheOldRecordAside() {
    store.insert(TENANT, coupon("C1", 1), NOW, null);
    assertThat(store.delete(TENANT, "C1", NOW)).isTrue();
    store.insert(TENANT, coupon("C1", 2), NOW, null);
    assertThat(store.find(TENANT, "C1").orElseThrow().coupon().created()).isEqualTo(2);
    assertThat(test.snapshot()).filteredOn(item -> item.get("pk").s().contains("#coupon_rev#")).singleElement()
        .satisfies(archived -> {
          assertThat(archived.get("created").n()).isEqualTo("1");
          assertThat(archived).containsKey("deleted_at").doesNotContainKey("gsi1pk");
        });
  }

  @Test
  void delete_readsTheRevision_thenClosesCouponAndShardsInOneTransaction_andOnlyOnce() {
    store.insert(TENANT, coupon("C1", 1), NOW, null);
    test.calls.reset();
    assertThat(store.delete(TENANT, "C1", NOW)).isTrue();
    assertThat(test.calls.operations()).containsExactly("GetItem", "TransactWriteItems");
    var items = ((software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest) test.calls.requests().get(1))
        .transactItems();
    assertThat(items.get(0).update().conditionExpression()).isEqualTo("attribute_not_exists(#deleted) AND #rev = :rev");
    assertThat(items.subList(1, items.size())).hasSize(CounterShards.DEFAULT_SHARDS).allSatisfy(item -> {
      assertThat(item.update().updateExpression()).isEqualTo("SET #open = :open");
      assertThat(item.update().expressionAttributeValues().get(":open").bool()).isFalse();
    });
    assertThat(store.delete(TENANT, "C1", NOW)).isFalse();
    assertThat(store.delete(TENANT, "NEVER", NOW)).isFalse();
    assertThat(store.find(TENANT, "C1").orElseThrow().coupon().deleted()).isTrue();
  }

  @Test
  void update_mergesMetadata_inOneCall() {
    store.insert(TENANT, coupon("C1", 1), NOW, null);
    test.calls.reset();
    Coupon updated = store.update(TENANT, "C1", new CouponChanges("new", new MetadataChange(false, Map.of("a", "1"), List.of("k")), Map.of()));
    assertThat(test.calls.operations()).containsExactly("UpdateItem", "BatchGetItem");
    assertThat(updated.name()).isEqualTo("new");
    assertThat(updated.metadata()).isEqualTo(Map.of("a", "1"));
  }

  @Test
  void update_ofADeletedOrMissingCoupon_isRefused() {
    store.insert(TENANT, coupon("C1", 1), NOW, null);
    store.delete(TENANT, "C1", NOW);
    CouponChanges rename = new CouponChanges("x", new MetadataChange(false, Map.of(), List.of()), Map.of());
    assertThatThrownBy(() -> store.update(TENANT, "C1", rename)).isInstanceOf(Refused.class)
        .extracting(e -> ((Refused) e).reason()).isEqualTo(CouponStore.Refusal.NOT_FOUND);
    assertThatThrownBy(() -> store.update(TENANT, "NOPE", rename))
        .extracting(e -> ((Refused) e).reason()).isEqualTo(CouponStore.Refusal.NOT_FOUND);
    assertThat(test.snapshot()).noneMatch(item -> item.get("pk").s().endsWith("#NOPE"));
  }

  @Test
  void update_currencyOptions_onlyOnAmountOffCoupons_neverTheOwnCurrency() {
    store.insert(TENANT, coupon("P", 1), NOW, null);
    store.insert(TENANT, amountCoupon("A"), NOW, null);
    assertThat(store.update(TENANT, "A", new CouponChanges(null, new MetadataChange(false, Map.of(), List.of()), Map.of("eur", 450L)))
        .currencyOptions()).isEqualTo(Map.of("eur", 450L));
    assertThatThrownBy(() -> store.update(TENANT, "P",
        new CouponChanges(null, new MetadataChange(false, Map.of(), List.of()), Map.of("eur", 1L))))
        .extracting(e -> ((Refused) e).reason()).isEqualTo(CouponStore.Refusal.NOT_AMOUNT_OFF);
    assertThatThrownBy(() -> store.update(TENANT, "A",
        new CouponChanges(null, new MetadataChange(false, Map.of(), List.of()), Map.of("usd", 1L))))
        .extracting(e -> ((Refused) e).reason()).isEqualTo(CouponStore.Refusal.CURRENCY_REPEATED);
  }

  @Test
  void metadataLimit_heldByTheCondition_evenNearTheLimit() {
    Map<String, String> fortyNine = new HashMap<>();
    for (int i = 0; i < 49; i++) {
      fortyNine.put("k" + i, "v");
    }
    store.insert(TENANT, coupon("C1", 1).withMetadata(fortyNine), NOW, null);
    // overwriting existing keys and adding one new key lands exactly on 50: allowed (second, pinned call)
    test.calls.reset();
    Coupon fifty = store.update(TENANT, "C1",
        new CouponChanges(null, new MetadataChange(false, Map.of("k0", "x", "k1", "x", "new", "x"), List.of()), Map.of()));
    assertThat(fifty.metadata()).hasSize(50);
    assertThat(test.calls.operations()).containsExactly("UpdateItem", "UpdateItem", "BatchGetItem");
    assertThat(((UpdateItemRequest) test.calls.requests().get(1)).conditionExpression())
        .contains("size(#md) = :mdsize");
    // one more key would make 51: refused, nothing written
    assertThatThrownBy(() -> store.update(TENANT, "C1",
        new CouponChanges(null, new MetadataChange(false, Map.of("another", "x"), List.of()), Map.of())))
        .extracting(e -> ((Refused) e).reason()).isEqualTo(CouponStore.Refusal.METADATA_FULL);
    assertThat(store.find(TENANT, "C1").orElseThrow().coupon().metadata()).hasSize(50).doesNotContainKey("another");
  }

  @Test
  void pages_newestFirst_withCursorsBothWays() {
    for (int i = 0; i < 7; i++) {
      store.insert(TENANT, coupon("C" + i, 1000 + i), NOW.plusMillis(i), null);
    }
    Page<Coupon> first = store.page(TENANT, new ListRequest(3, null, null, null, null), null, null);
    assertThat(ids(first)).containsExactly("C6", "C5", "C4");
    assertThat(first.hasMore()).isTrue();
    String c4 = store.find(TENANT, "C4").orElseThrow().listKey();
    Page<Coupon> second = store.page(TENANT, new ListRequest(3, "C4", null, null, null), c4, null);
    assertThat(ids(second)).containsExactly("C3", "C2", "C1");
    assertThat(second.hasMore()).isTrue();
    String c1 = store.find(TENANT, "C1").orElseThrow().listKey();
    assertThat(ids(store.page(TENANT, new ListRequest(3, "C1", null, null, null), c1, null))).containsExactly("C0");
    Page<Coupon> before = store.page(TENANT, new ListRequest(2, null, "C1", null, null), null, c1);
    assertThat(ids(before)).containsExactly("C3", "C2");
    assertThat(before.hasMore()).isTrue();
  }

  @Test
  void pages_filterByCreated_andSkipDeleted() {
    for (int i = 0; i < 5; i++) {
      store.insert(TENANT, coupon("C" + i, 1000 + i), NOW, null);
    }
    store.delete(TENANT, "C2", NOW);
    assertThat(ids(store.page(TENANT, new ListRequest(10, null, null, 1001L, 1003L), null, null)))
        .containsExactly("C3", "C1");
    assertThat(ids(store.page(TENANT, new ListRequest(10, null, null, 1003L, null), null, null)))
        .containsExactly("C4", "C3");
    assertThat(ids(store.page(TENANT, new ListRequest(10, null, null, null, 1000L), null, null)))
        .containsExactly("C0");
    assertThat(ids(store.page(TENANT, new ListRequest(10, null, null, 1005L, 1004L), null, null))).isEmpty();
  }

  @Test
  void listIsOneQueryOfKeys_thenOneReadOfThePage_andOneOfItsShards() {
    store.insert(TENANT, coupon("C1", 1), NOW, null);
    test.calls.reset();
    store.page(TENANT, new ListRequest(10, null, null, null, null), null, null);
    assertThat(test.calls.operations()).containsExactly("Query", "BatchGetItem", "BatchGetItem");
  }

  private static List<String> ids(Page<Coupon> page) {
    return page.items().stream().map(Coupon::id).toList();
  }
}

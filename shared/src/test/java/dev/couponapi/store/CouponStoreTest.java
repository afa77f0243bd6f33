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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    assertThat(store.delete(TENANT, "C1", NOW, coupon -> null)).isPresent();
    store.insert(TENANT, coupon("C1", 2), NOW, null);
    assertThat(store.find(TENANT, "C1").orElseThrow().coupon().created()).isEqualTo(2);
    assertThat(test.snapshot()).filteredOn(item -> item.get("pk").s().contains("#coupon_rev#")).singleElement()
        .satisfies(archived -> {
          assertThat(archived.get("created").n()).isEqualTo("1");
          assertThat(archived).containsKey("deleted_at").doesNotContainKey("gsi1pk");
        });
  }

  @Test
  void delete_readsTheRevisionAndCount_thenClosesCouponAndShardsInOneTransaction_andOnlyOnce() {
    store.insert(TENANT, coupon("C1", 1), NOW, null);
    test.calls.reset();
    assertThat(store.delete(TENANT, "C1", NOW, coupon -> null)).hasValueSatisfying(
        deleted -> assertThat(deleted.id()).isEqualTo("C1"));
    assertThat(test.calls.operations()).containsExactly("GetItem", "BatchGetItem", "TransactWriteItems");
    var items = ((software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest) test.calls.requests().get(2))
        .transactItems();
    assertThat(items.get(0).update().conditionExpression()).isEqualTo("attribute_not_exists(#deleted) AND #rev = :rev");
    assertThat(items.subList(1, items.size())).hasSize(CounterShards.DEFAULT_SHARDS).allSatisfy(item -> {
      assertThat(item.update().updateExpression()).isEqualTo("SET #open = :open");
      assertThat(item.update().expressionAttributeValues().get(":open").bool()).isFalse();
    });
    assertThat(store.delete(TENANT, "C1", NOW, coupon -> null)).isEmpty();
    assertThat(store.delete(TENANT, "NEVER", NOW, coupon -> null)).isEmpty();
    assertThat(store.find(TENANT, "C1").orElseThrow().coupon().deleted()).isTrue();
  }

  @Test
  void replace_writesTheNewFields_onlyOverTheVersionItRead() {
    store.insert(TENANT, coupon("C1", 1), NOW, null);
    CouponStore.Stored read = store.find(TENANT, "C1").orElseThrow();
    Coupon renamed = read.coupon().changedBy(new CouponChanges("new", new MetadataChange(false, Map.of("a", "1"),
        List.of()), Map.of()));
    test.calls.reset();
    store.replace(TENANT, read, renamed, null);
    assertThat(test.calls.operations()).containsExactly("TransactWriteItems");
    CouponStore.Stored now = store.find(TENANT, "C1").orElseThrow();
    assertThat(now.coupon().name()).isEqualTo("new");
    assertThat(now.coupon().metadata()).isEqualTo(Map.of("a", "1", "k", "v"));
    assertThat(now.version()).isEqualTo(1);
    // a second writer that read the first version loses, and writes nothing
    assertThatThrownBy(() -> store.replace(TENANT, read, read.coupon().changedBy(new CouponChanges("late",
        MetadataChange.NONE, Map.of())), null)).isInstanceOf(ChangedMeanwhile.class);
    assertThat(store.find(TENANT, "C1").orElseThrow().coupon().name()).isEqualTo("new");
  }

  @Test
  void replace_ofADeletedCoupon_isRefused() {
    store.insert(TENANT, coupon("C1", 1), NOW, null);
    CouponStore.Stored read = store.find(TENANT, "C1").orElseThrow();
    store.delete(TENANT, "C1", NOW, coupon -> null);
    assertThatThrownBy(() -> store.replace(TENANT, read, read.coupon().changedBy(new CouponChanges("x",
        MetadataChange.NONE, Map.of())), null)).isInstanceOf(ChangedMeanwhile.class);
    assertThat(store.find(TENANT, "C1").orElseThrow().coupon().name()).isEqualTo("name");
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
    store.delete(TENANT, "C2", NOW, coupon -> null);
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

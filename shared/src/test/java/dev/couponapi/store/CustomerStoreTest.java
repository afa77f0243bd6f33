package dev.couponapi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couponapi.domain.Customer;
import dev.couponapi.domain.CustomerChanges;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** Customers in the table: the conditions that keep a customer's single discount and its deletion safe. */
class CustomerStoreTest {

  private static final Tenant TENANT = new Tenant("acct_custstore", false);
  private static final Instant NOW = TestApp.START;

  private TestApp test;
  private CustomerStore store;

  @BeforeEach
  void setUp() {
    test = new TestApp();
    store = new CustomerStore(test.dynamo, test.table);
  }

  private static Customer customer(String id, Discount discount) {
    return new Customer(id, NOW.getEpochSecond(), "Jenny", "jenny@example.com", null, null, Map.of("k", "v"),
        discount, false);
  }

  private static Discount discount(String id, String customer, Long end) {
    return new Discount(id, "C", "rev1", null, NOW.getEpochSecond(), end, customer, null, null);
  }

  private static CustomerChanges rename(String name) {
    return new CustomerChanges(Map.of("name", name), Set.of(), MetadataChange.NONE);
  }

  @Test
  void insert_writesTheCustomerOnlyUnderAFreeId_inOneTransaction() {
    test.calls.reset();
    store.insert(TENANT, customer("cus_1", null), NOW, Redemption.NONE, null);
    assertThat(test.calls.operations()).containsExactly("TransactWriteItems");
    TransactWriteItemsRequest written = (TransactWriteItemsRequest) test.calls.requests().get(0);
    assertThat(written.transactItems().get(0).put().conditionExpression()).isEqualTo("attribute_not_exists(pk)");
    assertThat(store.find(TENANT, "cus_1")).get().extracting(CustomerStore.Stored::customer)
        .isEqualTo(customer("cus_1", null));
    assertThatThrownBy(() -> store.insert(TENANT, customer("cus_1", null), NOW, Redemption.NONE, null))
        .isInstanceOf(Refused.class).extracting(e -> ((Refused) e).reason()).isEqualTo(Redemption.Part.HOLDER);
  }

  private CustomerStore.Stored read(String id) {
    return store.find(TENANT, id).orElseThrow();
  }

  @Test
  void update_isOneTransaction_overTheVersionItRead_andRefusedForAChangedOrDeletedCustomer() {
    store.insert(TENANT, customer("cus_1", null), NOW, Redemption.NONE, null);
    CustomerStore.Stored first = read("cus_1");
    test.calls.reset();
    store.update(TENANT, first, rename("Ada"), null);
    assertThat(test.calls.operations()).containsExactly("TransactWriteItems");
    var update = ((TransactWriteItemsRequest) test.calls.requests().get(0)).transactItems().get(0).update();
    assertThat(update.conditionExpression())
        .isEqualTo("attribute_exists(pk) AND attribute_not_exists(#deleted) AND (attribute_not_exists(#ver) OR #ver = :ver)");
    assertThat(read("cus_1").customer().name()).isEqualTo("Ada");
    assertThat(read("cus_1").version()).isEqualTo(1);
    assertThatThrownBy(() -> store.update(TENANT, first, rename("late"), null)).isInstanceOf(ChangedMeanwhile.class);
    store.delete(TENANT, read("cus_1"), NOW, null);
    assertThatThrownBy(() -> store.update(TENANT, read("cus_1"), rename("x"), null))
        .isInstanceOf(ChangedMeanwhile.class);
    assertThat(read("cus_1").deleted()).isTrue();
  }

  @Test
  void delete_onlyOnce_andTheCustomerLeavesItsList_withItsDiscount() {
    store.insert(TENANT, customer("cus_1", discount("di_1", "cus_1", null)), NOW, Redemption.NONE, null);
    store.insert(TENANT, customer("cus_2", null), NOW, Redemption.NONE, null);
    CustomerStore.Stored live = read("cus_1");
    store.delete(TENANT, live, NOW, null);
    assertThatThrownBy(() -> store.delete(TENANT, read("cus_1"), NOW, null)).isInstanceOf(ChangedMeanwhile.class);
    assertThat(read("cus_1").customer().discount()).isNull();
    assertThat(store.page(TENANT, null, new ListRequest(10, null, null, null, null), null, null).items())
        .extracting(stored -> stored.customer().id()).containsExactly("cus_2");
    assertThat(store.page(TENANT, "jenny@example.com", new ListRequest(10, null, null, null, null), null, null)
        .items()).extracting(stored -> stored.customer().id()).containsExactly("cus_2");
  }

  @Test
  void removeDiscount_removesIt_overTheVersionItRead() {
    store.insert(TENANT, customer("cus_1", discount("di_1", "cus_1", null)), NOW, Redemption.NONE, null);
    CustomerStore.Stored withDiscount = read("cus_1");
    store.removeDiscount(TENANT, withDiscount, null);
    assertThat(read("cus_1").customer().discount()).isNull();
    assertThatThrownBy(() -> store.removeDiscount(TENANT, withDiscount, null)).isInstanceOf(ChangedMeanwhile.class);
  }

  @Test
  void updateWithDiscount_replacesTheDiscount_andRefusesADeletedCustomerAsTheHolder() {
    store.insert(TENANT, customer("cus_1", discount("di_1", "cus_1", null)), NOW, Redemption.NONE, null);
    store.updateWithDiscount(TENANT, read("cus_1"), rename("Ada"), discount("di_2", "cus_1", null), Redemption.NONE,
        NOW, null);
    assertThat(read("cus_1").customer().discount().id()).isEqualTo("di_2");
    CustomerStore.Stored before = read("cus_1");
    store.delete(TENANT, before, NOW, null);
    assertThatThrownBy(() -> store.updateWithDiscount(TENANT, before, rename("x"), discount("di_3", "cus_1", null),
        Redemption.NONE, NOW, null)).isInstanceOf(Refused.class)
        .extracting(e -> ((Refused) e).reason()).isEqualTo(Redemption.Part.HOLDER);
  }

  @Test
  void endDiscount_removesOnlyTheDiscountTheIndexEntryNamed() {
    long end = NOW.getEpochSecond() + 60;
    store.insert(TENANT, customer("cus_1", discount("di_1", "cus_1", end)), NOW, Redemption.NONE, null);
    String entry = ExpiryIndex.sortKey(end, ObjectType.CUSTOMER.key(TENANT, "cus_1"));
    // replaced before the sweep ran: the entry found no longer names the stored discount
    store.updateWithDiscount(TENANT, read("cus_1"), rename("Ada"), discount("di_2", "cus_1", end + 3600),
        Redemption.NONE, NOW, null);
    assertThat(store.endDiscount(TENANT, "cus_1", entry, Instant.ofEpochSecond(end), before -> null)).isFalse();
    assertThat(store.find(TENANT, "cus_1").orElseThrow().customer().discount().id()).isEqualTo("di_2");
    String current = ExpiryIndex.sortKey(end + 3600, ObjectType.CUSTOMER.key(TENANT, "cus_1"));
    assertThat(store.endDiscount(TENANT, "cus_1", current, Instant.ofEpochSecond(end + 3600), before -> null)).isTrue();
    assertThat(store.find(TENANT, "cus_1").orElseThrow().customer().discount()).isNull();
  }

  @Test
  void requireLive_isTheConditionANewSubscriptionPutsOnItsCustomer() {
    assertThat(store.requireLive(TENANT, "cus_1").conditionCheck().conditionExpression())
        .isEqualTo("attribute_exists(pk) AND attribute_not_exists(#deleted)");
    assertThat(List.of(store.requireLive(TENANT, "cus_1").conditionCheck().key().get("pk").s()))
        .containsExactly("acct_custstore#test#customer#cus_1");
  }
}

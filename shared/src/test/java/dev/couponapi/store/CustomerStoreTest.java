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
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

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

  @Test
  void update_isOneConditionalUpdate_ofALiveCustomer_andNothingForAMissingOrDeletedOne() {
    store.insert(TENANT, customer("cus_1", null), NOW, Redemption.NONE, null);
    test.calls.reset();
    assertThat(store.update(TENANT, "cus_1", rename("Ada"))).get().extracting(Customer::name).isEqualTo("Ada");
    UpdateItemRequest update = (UpdateItemRequest) test.calls.requests().get(0);
    assertThat(update.conditionExpression()).isEqualTo("attribute_exists(pk) AND attribute_not_exists(#deleted)");
    assertThat(store.update(TENANT, "cus_missing", rename("x"))).isEmpty();
    assertThat(store.delete(TENANT, "cus_1", NOW)).isTrue();
    assertThat(store.update(TENANT, "cus_1", rename("x"))).isEmpty();
    assertThat(store.find(TENANT, "cus_1")).get().extracting(CustomerStore.Stored::deleted).isEqualTo(true);
  }

  @Test
  void delete_onlyOnce_andTheCustomerLeavesItsList_withItsDiscount() {
    store.insert(TENANT, customer("cus_1", discount("di_1", "cus_1", null)), NOW, Redemption.NONE, null);
    store.insert(TENANT, customer("cus_2", null), NOW, Redemption.NONE, null);
    assertThat(store.delete(TENANT, "cus_1", NOW)).isTrue();
    assertThat(store.delete(TENANT, "cus_1", NOW)).isFalse();
    assertThat(store.find(TENANT, "cus_1").orElseThrow().customer().discount()).isNull();
    assertThat(store.page(TENANT, null, new ListRequest(10, null, null, null, null), null, null).items())
        .extracting(stored -> stored.customer().id()).containsExactly("cus_2");
    assertThat(store.page(TENANT, "jenny@example.com", new ListRequest(10, null, null, null, null), null, null)
        .items()).extracting(stored -> stored.customer().id()).containsExactly("cus_2");
  }

  @Test
  void removeDiscount_returnsTheRemovedOne_thenFindsNone_andTellsAMissingCustomerApart() {
    store.insert(TENANT, customer("cus_1", discount("di_1", "cus_1", null)), NOW, Redemption.NONE, null);
    CustomerStore.Removal removed = store.removeDiscount(TENANT, "cus_1");
    assertThat(removed.discount().id()).isEqualTo("di_1");
    assertThat(removed.holderMissing()).isFalse();
    assertThat(store.removeDiscount(TENANT, "cus_1")).isEqualTo(new CustomerStore.Removal(null, false));
    assertThat(store.removeDiscount(TENANT, "cus_missing")).isEqualTo(new CustomerStore.Removal(null, true));
  }

  @Test
  void updateWithDiscount_replacesTheDiscount_andRefusesADeletedCustomerAsTheHolder() {
    store.insert(TENANT, customer("cus_1", discount("di_1", "cus_1", null)), NOW, Redemption.NONE, null);
    store.updateWithDiscount(TENANT, "cus_1", rename("Ada"), discount("di_2", "cus_1", null), Redemption.NONE, NOW,
        null);
    assertThat(store.find(TENANT, "cus_1").orElseThrow().customer().discount().id()).isEqualTo("di_2");
    store.delete(TENANT, "cus_1", NOW);
    assertThatThrownBy(() -> store.updateWithDiscount(TENANT, "cus_1", rename("x"), discount("di_3", "cus_1", null),
        Redemption.NONE, NOW, null)).isInstanceOf(Refused.class)
        .extracting(e -> ((Refused) e).reason()).isEqualTo(Redemption.Part.HOLDER);
  }

  @Test
  void endDiscount_removesOnlyTheDiscountTheIndexEntryNamed() {
    long end = NOW.getEpochSecond() + 60;
    store.insert(TENANT, customer("cus_1", discount("di_1", "cus_1", end)), NOW, Redemption.NONE, null);
    String entry = ExpiryIndex.sortKey(end, ObjectType.CUSTOMER.key(TENANT, "cus_1"));
    // replaced before the sweep ran: the entry found no longer names the stored discount
    store.updateWithDiscount(TENANT, "cus_1", rename("Ada"), discount("di_2", "cus_1", end + 3600), Redemption.NONE,
        NOW, null);
    assertThat(store.endDiscount(TENANT, "cus_1", entry, Instant.ofEpochSecond(end))).isFalse();
    assertThat(store.find(TENANT, "cus_1").orElseThrow().customer().discount().id()).isEqualTo("di_2");
    String current = ExpiryIndex.sortKey(end + 3600, ObjectType.CUSTOMER.key(TENANT, "cus_1"));
    assertThat(store.endDiscount(TENANT, "cus_1", current, Instant.ofEpochSecond(end + 3600))).isTrue();
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

package dev.couponapi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couponapi.domain.BillingPeriod;
import dev.couponapi.domain.Customer;
import dev.couponapi.domain.Invoice;
import dev.couponapi.domain.InvoicePricing;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.SubscriptionItem;
import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** Subscriptions in the table: a live customer, a version that guards every read-then-write, one cancel. */
class SubscriptionStoreTest {

  private static final Tenant TENANT = new Tenant("acct_substore", false);
  private static final Instant NOW = TestApp.START;

  private TestApp test;
  private CustomerStore customers;
  private SubscriptionStore store;

  @BeforeEach
  void setUp() {
    test = new TestApp();
    customers = new CustomerStore(test.dynamo, test.table);
    store = new SubscriptionStore(test.dynamo, test.table, customers, new InvoiceStore(test.dynamo, test.table,
        new InvoiceItemStore(test.dynamo, test.table, customers), customers));
    customers.insert(TENANT, new Customer("cus_1", NOW.getEpochSecond(), null, null, null, null, Map.of(), null, false),
        NOW, Redemption.NONE, null);
  }

  private static Subscription subscription(String id, String customer, List<Discount> discounts) {
    return new Subscription(id, customer, NOW.getEpochSecond(), NOW.getEpochSecond(), "usd", Subscription.ACTIVE, null, Map.of(),
        List.of(new SubscriptionItem("si_" + id, NOW.getEpochSecond(), "usd", "prod_A", 2000, "month", 1, 1,
            List.of())), discounts, false, BillingPeriod.first(NOW.getEpochSecond(), "month", 1), null,
        null);
  }

  /** Inserts a subscription with an invoice of its first period, as a creation does. */
  private void insert(Subscription subscription) {
    CustomerStore.Stored customer = customers.find(TENANT, subscription.customer()).orElseThrow();
    store.insert(TENANT, subscription, made(subscription), List.of(), customer, NOW, Redemption.NONE, null);
  }

  private static InvoicePricing.Made made(Subscription subscription) {
    return new InvoicePricing.Made(invoice(subscription), List.of(), false, List.of());
  }

  private static Invoice invoice(Subscription subscription) {
    return new Invoice("in_" + subscription.id(), "CUS1-0001", subscription.customer(), subscription.id(), "usd",
        NOW.getEpochSecond(), subscription.period().start(), subscription.period().end(), Invoice.PAID_STATUS,
        "subscription_create", List.of(), List.of(), List.of(), 2000, 2000, 2000, NOW.getEpochSecond(),
        NOW.getEpochSecond(), false, Invoice.Details.NONE);
  }

  private static Discount discount(String id) {
    return new Discount(id, "C", "rev1", null, NOW.getEpochSecond(), null, "cus_1", "sub_1", null);
  }

  @Test
  void insert_requiresAFreeId_andALiveCustomer_withItsFirstInvoice_inOneTransaction() {
    CustomerStore.Stored customer = customers.find(TENANT, "cus_1").orElseThrow();
    test.calls.reset();
    store.insert(TENANT, subscription("sub_1", "cus_1", List.of()), made(subscription("sub_1", "cus_1", List.of())),
        List.of(), customer, NOW, Redemption.NONE, null);
    TransactWriteItemsRequest written = (TransactWriteItemsRequest) test.calls.requests().get(0);
    // the subscription, its item's pointer, its invoice: each new; its customer: live and unchanged
    assertThat(written.transactItems().subList(0, 3)).allSatisfy(item ->
        assertThat(item.put().conditionExpression()).isEqualTo("attribute_not_exists(pk)"));
    assertThat(written.transactItems().get(3).update().conditionExpression())
        .isEqualTo("attribute_exists(pk) AND attribute_not_exists(#deleted) AND (attribute_not_exists(#ver) OR #ver = :ver)");
    assertThat(customers.find(TENANT, "cus_1").orElseThrow().customer().nextInvoiceSequence()).isEqualTo(2);
    assertThat(store.find(TENANT, "sub_1").orElseThrow().subscription())
        .isEqualTo(subscription("sub_1", "cus_1", List.of()));
    customers.delete(TENANT, customers.find(TENANT, "cus_1").orElseThrow(), NOW, null);
    CustomerStore.Stored deleted = customers.find(TENANT, "cus_1").orElseThrow();
    assertThatThrownBy(() -> store.insert(TENANT, subscription("sub_2", "cus_1", List.of()),
        made(subscription("sub_2", "cus_1", List.of())), List.of(), deleted, NOW, Redemption.NONE, null))
        .isInstanceOf(Refused.class).satisfies(e -> {
          assertThat(((Refused) e).reason()).isEqualTo(Redemption.Part.HOLDER);
          assertThat(((Refused) e).subject()).isEqualTo(SubscriptionStore.Part.CUSTOMER);
        });
    assertThat(store.find(TENANT, "sub_2")).isEmpty();
  }

  @Test
  void replace_isGuardedByTheVersionRead_soAStaleReadChangesNothing() {
    insert(subscription("sub_1", "cus_1", List.of(discount("di_1"))));
    SubscriptionStore.Stored read = store.find(TENANT, "sub_1").orElseThrow();
    test.calls.reset();
    store.replace(TENANT, read, List.of(discount("di_2")), Map.of("plan", "pro"), Redemption.NONE, NOW);
    TransactWriteItemsRequest written = (TransactWriteItemsRequest) test.calls.requests().get(0);
    assertThat(written.transactItems().get(0).update().conditionExpression())
        .isEqualTo("#ver = :ver AND #status = :active");
    assertThatThrownBy(() -> store.replace(TENANT, read, List.of(), Map.of(), Redemption.NONE, NOW))
        .isInstanceOf(Refused.class).extracting(e -> ((Refused) e).reason()).isEqualTo(Redemption.Part.HOLDER);
    Subscription now = store.find(TENANT, "sub_1").orElseThrow().subscription();
    assertThat(now.discounts()).extracting(Discount::id).containsExactly("di_2");
    assertThat(now.metadata()).isEqualTo(Map.of("plan", "pro"));
  }

  private SubscriptionStore.Stored read(String id) {
    return store.find(TENANT, id).orElseThrow();
  }

  @Test
  void cancel_onlyOnce_andTheCanceledOneMovesToItsStatusList() {
    insert(subscription("sub_1", "cus_1", List.of()));
    insert(subscription("sub_2", "cus_1", List.of()));
    SubscriptionStore.Stored active = read("sub_1");
    store.cancel(TENANT, active, NOW, null);
    assertThat(read("sub_1").subscription().status()).isEqualTo(Subscription.CANCELED);
    assertThatThrownBy(() -> store.cancel(TENANT, active, NOW, null)).isInstanceOf(ChangedMeanwhile.class);
    assertThatThrownBy(() -> store.cancel(TENANT, read("sub_1"), NOW, null)).isInstanceOf(ChangedMeanwhile.class);
    ListRequest all = new ListRequest(10, null, null, null, null);
    assertThat(store.page(TENANT, null, Subscription.CANCELED, all, null, null).items())
        .extracting(stored -> stored.subscription().id()).containsExactly("sub_1");
    assertThat(store.activeOf(TENANT, "cus_1")).extracting(stored -> stored.subscription().id())
        .containsExactly("sub_2");
  }

  @Test
  void removeDiscounts_removesThem_overTheVersionItRead() {
    insert(subscription("sub_1", "cus_1", List.of(discount("di_1"), discount("di_2"))));
    SubscriptionStore.Stored withDiscounts = read("sub_1");
    store.removeDiscounts(TENANT, withDiscounts, null);
    assertThat(read("sub_1").subscription().discounts()).isEmpty();
    assertThatThrownBy(() -> store.removeDiscounts(TENANT, withDiscounts, null))
        .isInstanceOf(ChangedMeanwhile.class);
  }

  @Test
  void updateFields_changesMetadata_overTheVersionItRead() {
    insert(subscription("sub_1", "cus_1", List.of()));
    SubscriptionStore.Stored first = read("sub_1");
    store.updateFields(TENANT, first, new MetadataChange(false, Map.of("a", "1"), List.of()), null, null);
    assertThat(read("sub_1").subscription().metadata()).containsEntry("a", "1");
    assertThatThrownBy(() -> store.updateFields(TENANT, first, new MetadataChange(false, Map.of("b", "2"), List.of()),
        null, null)).isInstanceOf(ChangedMeanwhile.class);
  }
}

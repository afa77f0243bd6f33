package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static dev.couponapi.http.DiscountFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.TestApp;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subscription items (docs/api.md §7.4): added, changed and removed between invoices, billed from the next one. */
class SubscriptionItemsTest {

  private static final String SEATS = "&price_data[currency]=usd&price_data[product]=prod_seats"
      + "&price_data[unit_amount]=500&price_data[recurring][interval]=month";

  private final DiscountFixture f = new DiscountFixture();

  /** {@code items[n]}'s inline price of the seats in {@code currency}. */
  private static String seats(int n, String currency) {
    String item = "&items[" + n + "]";
    return item + "[price_data][currency]=" + currency + item + "[price_data][product]=prod_seats" + item
        + "[price_data][unit_amount]=500" + item + "[price_data][recurring][interval]=month";
  }

  private Map<String, Object> post(String path, String body) {
    return TestApp.body(f.client.version(CLOVER).post(path, body));
  }

  private Map<String, Object> get(String path) {
    return TestApp.body(f.client.version(CLOVER).get(path));
  }

  private Map<String, Object> nextInvoice(String subscription) {
    f.test.clock.set(TestApp.START.atOffset(ZoneOffset.UTC).plusMonths(1).plusMinutes(1).toInstant());
    f.test.calls.as("ExpirySweepFunction", () -> f.test.app.sweep().run(1000));
    return get("/v1/invoices/" + get("/v1/subscriptions/" + subscription).get("latest_invoice"));
  }

  @Test
  void anItemAddedWithADiscount_isBilledDiscountedOnTheNextInvoice() {
    f.coupon("id=SEATS10&percent_off=10&duration=forever");
    String subscription = (String) post("/v1/subscriptions", "customer=" + f.customer("name=s") + "&" + ITEM).get("id");
    Map<String, Object> item = post("/v1/subscription_items", "subscription=" + subscription + SEATS
        + "&quantity=3&discounts[0][coupon]=SEATS10&metadata[team]=ops&proration_behavior=none");
    String id = (String) item.get("id");
    assertThat(item).containsEntry("subscription", subscription).containsEntry("quantity", 3)
        .containsEntry("metadata", Map.of("team", "ops"));
    assertThat(get("/v1/subscription_items/" + id)).containsEntry("id", id);
    assertThat((List<?>) get("/v1/subscription_items?subscription=" + subscription).get("data")).hasSize(2);
    assertThat(f.events("?type=customer.subscription.updated")).hasSize(1);

    Map<String, Object> invoice = nextInvoice(subscription);
    // 2000 for the first item, 3 × 500 less 10 % for the seats
    assertThat(invoice).containsEntry("subtotal", 2000 + 1350).containsEntry("total", 3350);
    assertThat(invoice.get("lines").toString()).contains("subscription_item=" + id);
  }

  @Test
  void aChangedQuantity_andARemovedItem_billFromTheNextInvoice_andTheLastItemStays() {
    Map<String, Object> subscription = post("/v1/subscriptions", "customer=" + f.customer("name=c") + "&" + ITEM);
    String id = (String) subscription.get("id");
    String first = (String) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) subscription.get("items")).get("data")).get(0))
        .get("id");
    String seats = (String) post("/v1/subscription_items", "subscription=" + id + SEATS).get("id");
    assertThat(post("/v1/subscription_items/" + seats, "quantity=4")).containsEntry("quantity", 4);
    assertThat(TestApp.body(f.client.version(CLOVER).delete("/v1/subscription_items/" + first)))
        .isEqualTo(Map.of("id", first, "object", "subscription_item", "deleted", true));
    assertThat(f.client.version(CLOVER).get("/v1/subscription_items/" + first).status()).isEqualTo(404);
    assertThat(error(TestApp.body(f.client.version(CLOVER).delete("/v1/subscription_items/" + seats))).get("message")
        .toString()).contains("at least one active plan");
    assertThat(nextInvoice(id)).containsEntry("total", 2000);
  }

  @Test
  void itemsOnUpdate_addChangeAndDelete_inOneWrite_andAddInvoiceItemsBillTheNextInvoice() {
    f.coupon("id=HALF&percent_off=50&duration=forever");
    Map<String, Object> subscription = post("/v1/subscriptions", "customer=" + f.customer("name=u") + "&" + ITEM);
    String id = (String) subscription.get("id");
    String first = (String) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) subscription.get("items")).get("data")).get(0))
        .get("id");
    Map<String, Object> updated = post("/v1/subscriptions/" + id, "items[0][id]=" + first + "&items[0][quantity]=2"
        + seats(1, "usd") + "&items[1][discounts][0][coupon]=HALF&add_invoice_items[0][price_data][currency]=usd"
        + "&add_invoice_items[0][price_data][product]=prod_setup&add_invoice_items[0][price_data][unit_amount]=900"
        + "&proration_behavior=none&metadata[plan]=team");
    assertThat(((List<?>) ((Map<?, ?>) updated.get("items")).get("data"))).hasSize(2);
    assertThat(updated).containsEntry("metadata", Map.of("plan", "team"));
    assertThat(f.events("?type=customer.subscription.updated")).hasSize(1);
    assertThat(f.events("?type=invoiceitem.created")).hasSize(1);
    // 2 × 2000, 500 less half, and the one-off 900
    assertThat(nextInvoice(id)).containsEntry("total", 4000 + 250 + 900);
    assertThat(post("/v1/subscriptions/" + id, "items[0][id]=" + first + "&items[0][deleted]=true")
        .get("items").toString()).doesNotContain(first);
  }

  @Test
  void addInvoiceItemsOnCreate_areBilledByTheFirstInvoice_withTheirDiscounts() {
    f.coupon("id=SETUP&amount_off=100&currency=usd&duration=once");
    Map<String, Object> subscription = post("/v1/subscriptions", "customer=" + f.customer("name=a") + "&" + ITEM
        + "&add_invoice_items[0][price_data][currency]=usd&add_invoice_items[0][price_data][product]=prod_setup"
        + "&add_invoice_items[0][price_data][unit_amount]=500&add_invoice_items[0][quantity]=2"
        + "&add_invoice_items[0][discounts][0][coupon]=SETUP");
    Map<String, Object> invoice = get("/v1/invoices/" + subscription.get("latest_invoice"));
    assertThat(invoice).containsEntry("subtotal", 2000 + 900).containsEntry("total", 2900);
    List<?> items = (List<?>) get("/v1/invoiceitems?customer=" + subscription.get("customer")).get("data");
    assertThat(items).hasSize(1);
    assertThat(((Map<?, ?>) items.get(0)).get("invoice")).isEqualTo(invoice.get("id"));
    assertThat(((Map<?, ?>) items.get(0)).get("parent").toString()).contains("subscription=" + subscription.get("id"));
  }

  @Test
  void badInput_isAStripeError_andWritesNothing() {
    String subscription = (String) post("/v1/subscriptions", "customer=" + f.customer("name=b") + "&" + ITEM).get("id");
    var before = f.test.snapshot();
    assertThat(error(post("/v1/subscription_items", SEATS.substring(1)))).containsEntry("param", "subscription");
    assertThat(error(post("/v1/subscription_items", "subscription=sub_nope" + SEATS)))
        .containsEntry("code", "resource_missing").containsEntry("param", "subscription");
    assertThat(error(post("/v1/subscription_items", "subscription=" + subscription))).containsEntry("param",
        "price_data");
    assertThat(error(post("/v1/subscription_items", "subscription=" + subscription
        + SEATS.replace("currency]=usd", "currency]=eur")))).containsEntry("param", "price_data[currency]");
    assertThat(error(post("/v1/subscription_items", "subscription=" + subscription
        + SEATS.replace("interval]=month", "interval]=year")))).containsEntry("param", "price_data[recurring]");
    assertThat(error(post("/v1/subscription_items", "subscription=" + subscription + SEATS
        + "&proration_behavior=sometimes"))).containsEntry("param", "proration_behavior");
    assertThat(error(post("/v1/subscription_items", "subscription=" + subscription + SEATS
        + "&discounts[0][coupon]=NOPE"))).containsEntry("code", "resource_missing");
    assertThat(f.test.snapshot()).isEqualTo(before);
    assertThat(f.client.version(CLOVER).get("/v1/subscription_items/si_nope").status()).isEqualTo(404);
    assertThat(f.client.version(CLOVER).get("/v1/subscription_items").status()).isEqualTo(400);
    assertThat(error(post("/v1/subscriptions/" + subscription, "items[0][id]=si_nope&items[0][quantity]=2")))
        .containsEntry("param", "items[0][id]");
    assertThat(error(post("/v1/subscriptions/" + subscription, seats(0, "eur").substring(1)))).containsEntry("param",
        "items[0][price_data][currency]");
    assertThat(error(post("/v1/subscriptions/" + subscription, "items[0][quantity]=2"))).containsEntry("param",
        "items[0][price_data]");
    assertThat(error(post("/v1/subscriptions/" + subscription, "add_invoice_items[0][price_data][currency]=usd"
        + "&add_invoice_items[0][price_data][product]=p&add_invoice_items[0][price_data][unit_amount]=1"
        + "&discounts="))).containsEntry("param", "add_invoice_items");
    assertThat(f.test.snapshot()).isEqualTo(before);
  }
}

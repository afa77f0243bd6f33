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

/** Invoice items (docs/api.md §7.3): pending until the customer's next invoice bills them, with their discounts. */
class InvoiceItemsTest {

  private final DiscountFixture f = new DiscountFixture();

  private Map<String, Object> post(String path, String body) {
    return TestApp.body(f.client.version(CLOVER).post(path, body));
  }

  private Map<String, Object> get(String path) {
    return TestApp.body(f.client.version(CLOVER).get(path));
  }

  private void monthLater() {
    f.test.clock.set(TestApp.START.atOffset(ZoneOffset.UTC).plusMonths(1).plusMinutes(1).toInstant());
    f.test.calls.as("ExpirySweepFunction", () -> f.test.app.sweep().run(1000));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> lines(Map<String, Object> invoice) {
    return (List<Map<String, Object>>) ((Map<String, Object>) invoice.get("lines")).get("data");
  }

  @Test
  void anItemWithItsOwnDiscount_isBilledOnTheNextRenewal_withTheDiscountsInvoiceItemSet() {
    f.coupon("id=TEN&percent_off=10&duration=forever");
    String customer = f.customer("name=i");
    Map<String, Object> subscription = post("/v1/subscriptions", "customer=" + customer + "&" + ITEM);
    Map<String, Object> item = post("/v1/invoiceitems", "customer=" + customer
        + "&price_data[currency]=usd&price_data[product]=prod_setup&price_data[unit_amount]=1500&quantity=2"
        + "&description=Setup&discounts[0][coupon]=TEN&expand[]=discounts");
    String id = (String) item.get("id");
    assertThat(item).containsEntry("amount", 3000).containsEntry("invoice", null).containsEntry("quantity", 2);
    Map<?, ?> discount = (Map<?, ?>) ((List<?>) item.get("discounts")).get(0);
    assertThat(discount.get("invoice_item")).isEqualTo(id);
    assertThat(f.timesRedeemed("TEN")).isEqualTo(1);
    assertThat((List<?>) get("/v1/invoiceitems?customer=" + customer + "&pending=true").get("data")).hasSize(1);

    monthLater();
    Map<String, Object> renewal = get("/v1/invoices/" + get("/v1/subscriptions/" + subscription.get("id"))
        .get("latest_invoice"));
    List<Map<String, Object>> lines = lines(renewal);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).containsEntry("amount", 3000).containsEntry("description", "Setup")
        .containsEntry("discounts", List.of(discount.get("id")));
    assertThat(lines.get(1).get("parent").toString()).contains("invoice_item=null").contains("type=invoice_item_details");
    assertThat(renewal).containsEntry("subtotal", 2000 + 2700).containsEntry("total", 4700);
    assertThat(get("/v1/invoiceitems/" + id)).containsEntry("invoice", renewal.get("id"));
    assertThat((List<?>) get("/v1/invoiceitems?customer=" + customer + "&pending=true").get("data")).isEmpty();
    // billed: part of an invoice, it can no longer change
    assertThat(f.client.version(CLOVER).post("/v1/invoiceitems/" + id, "description=Later").status()).isEqualTo(400);
    assertThat(f.client.version(CLOVER).delete("/v1/invoiceitems/" + id).status()).isEqualTo(400);
  }

  @Test
  void aPendingItem_isBilledByTheCustomersNextNewSubscription_andAnItemOfAnotherCurrencyWaits() {
    String customer = f.customer("name=p");
    post("/v1/invoiceitems", "customer=" + customer + "&amount=700&currency=usd&description=Install");
    post("/v1/invoiceitems", "customer=" + customer + "&amount=900&currency=eur&description=Elsewhere");
    Map<String, Object> subscription = post("/v1/subscriptions", "customer=" + customer + "&" + ITEM);
    Map<String, Object> first = get("/v1/invoices/" + subscription.get("latest_invoice"));
    assertThat(first).containsEntry("total", 2700);
    assertThat(lines(first)).extracting(line -> line.get("description")).containsExactly("1 × prod_A", "Install");
    List<?> waiting = (List<?>) get("/v1/invoiceitems?customer=" + customer + "&pending=true").get("data");
    assertThat(waiting).hasSize(1);
    assertThat(((Map<?, ?>) waiting.get(0)).get("currency")).isEqualTo("eur");
  }

  @Test
  void aPendingItem_changesAndIsDeleted_andADeletedOneIsNeverBilled() {
    String customer = f.customer("name=d");
    String id = (String) post("/v1/invoiceitems", "customer=" + customer + "&amount=700&currency=usd").get("id");
    assertThat(post("/v1/invoiceitems/" + id, "amount=800&description=Fixed")).containsEntry("amount", 800)
        .containsEntry("description", "Fixed");
    assertThat(TestApp.body(f.client.version(CLOVER).delete("/v1/invoiceitems/" + id)))
        .isEqualTo(Map.of("id", id, "object", "invoiceitem", "deleted", true));
    assertThat(f.events("?type=invoiceitem.*")).extracting(event -> event.get("type"))
        .containsExactly("invoiceitem.deleted", "invoiceitem.created");
    assertThat(get("/v1/customers/" + customer)).doesNotContainKey("pending_invoice_items");
    Map<String, Object> subscription = post("/v1/subscriptions", "customer=" + customer + "&" + ITEM);
    assertThat(get("/v1/invoices/" + subscription.get("latest_invoice"))).containsEntry("total", 2000);
    assertThat(f.client.version(CLOVER).get("/v1/invoiceitems/" + id).status()).isEqualTo(404);
  }

  @Test
  void badInput_isAStripeError_andWritesNothing() {
    String customer = f.customer("name=b");
    String other = f.customer("name=o");
    String subscription = (String) post("/v1/subscriptions", "customer=" + customer + "&" + ITEM).get("id");
    var before = f.test.snapshot();
    assertThat(error(post("/v1/invoiceitems", "amount=100&currency=usd"))).containsEntry("param", "customer");
    assertThat(error(post("/v1/invoiceitems", "customer=cus_nope&amount=100&currency=usd")))
        .containsEntry("code", "resource_missing").containsEntry("param", "customer");
    assertThat(error(post("/v1/invoiceitems", "customer=" + customer + "&amount=100"))).containsEntry("param", "currency");
    assertThat(error(post("/v1/invoiceitems", "customer=" + customer + "&amount=-5&currency=usd")))
        .containsEntry("param", "amount");
    assertThat(error(post("/v1/invoiceitems", "customer=" + customer + "&amount=100&currency=usd"
        + "&price_data[currency]=usd&price_data[product]=p&price_data[unit_amount]=1"))).containsEntry("param", "amount");
    assertThat(error(post("/v1/invoiceitems", "customer=" + customer + "&amount=100&currency=usd&quantity=3")))
        .containsEntry("param", "quantity");
    assertThat(error(post("/v1/invoiceitems", "customer=" + customer + "&amount=100&currency=eur&subscription="
        + subscription))).containsEntry("param", "currency");
    assertThat(error(post("/v1/invoiceitems", "customer=" + other + "&amount=100&currency=usd&subscription="
        + subscription))).containsEntry("param", "subscription");
    assertThat(error(post("/v1/invoiceitems", "customer=" + customer + "&amount=100&currency=usd&colour=red")))
        .containsEntry("code", "parameter_unknown");
    assertThat(error(post("/v1/invoiceitems", "customer=" + customer + "&amount=100&currency=usd"
        + "&discounts[0][coupon]=NOPE"))).containsEntry("code", "resource_missing");
    assertThat(f.test.snapshot()).isEqualTo(before);
    assertThat(f.client.version(CLOVER).get("/v1/invoiceitems/ii_nope").status()).isEqualTo(404);
  }
}

package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One-off invoices (docs/api.md §7.2): a draft of the pending items, finalized, paid out of band, voided. */
class OneOffInvoicesTest {

  private final DiscountFixture f = new DiscountFixture();

  private Map<String, Object> post(String path, String body) {
    return TestApp.body(f.client.version(CLOVER).post(path, body));
  }

  private int status(String path, String body) {
    return f.client.version(CLOVER).post(path, body).status();
  }

  @Test
  void aDraftBillsThePendingItems_withItsOwnDiscount_thenIsFinalizedNumberedAndPaid() {
    f.coupon("id=FIVE&amount_off=500&currency=usd&duration=once");
    String customer = f.customer("name=o");
    String item = (String) post("/v1/invoiceitems", "customer=" + customer + "&amount=2000&currency=usd").get("id");
    Map<String, Object> draft = post("/v1/invoices", "customer=" + customer
        + "&pending_invoice_items_behavior=include&discounts[0][coupon]=FIVE&expand[]=discounts&metadata[po]=42");
    String id = (String) draft.get("id");
    assertThat(draft).containsEntry("status", "draft").containsEntry("number", null).containsEntry("total", 1500)
        .containsEntry("billing_reason", "manual").containsEntry("metadata", Map.of("po", "42"));
    Map<?, ?> discount = (Map<?, ?>) ((List<?>) draft.get("discounts")).get(0);
    assertThat(discount.get("invoice")).isEqualTo(id);
    assertThat(discount.get("invoice_item")).isNull();
    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/invoiceitems/" + item))).containsEntry("invoice", id);

    Map<String, Object> open = post("/v1/invoices/" + id + "/finalize", "");
    String prefix = (String) TestApp.body(f.client.version(CLOVER).get("/v1/customers/" + customer))
        .get("invoice_prefix");
    assertThat(open).containsEntry("status", "open").containsEntry("number", prefix + "-0001")
        .containsEntry("amount_remaining", 1500);
    // this API processes no payments: only an out-of-band payment is taken
    assertThat(error(post("/v1/invoices/" + id + "/pay", ""))).containsEntry("param", "paid_out_of_band");
    Map<String, Object> paid = post("/v1/invoices/" + id + "/pay", "paid_out_of_band=true");
    assertThat(paid).containsEntry("status", "paid").containsEntry("amount_paid", 1500)
        .containsEntry("amount_remaining", 0);
    assertThat(((Map<?, ?>) paid.get("status_transitions")).get("paid_at")).isNotNull();
    assertThat(f.events("?type=invoice.*")).extracting(event -> event.get("type"))
        .containsExactly("invoice.paid", "invoice.finalized", "invoice.created");
  }

  @Test
  void aFinalizedInvoice_cannotChange_andTheLifecycleIsStripes() {
    String customer = f.customer("name=l");
    String id = (String) post("/v1/invoices", "customer=" + customer + "&currency=usd").get("id");
    assertThat(post("/v1/invoices/" + id, "description=Draft")).containsEntry("description", "Draft");
    assertThat(status("/v1/invoices/" + id + "/pay", "paid_out_of_band=true")).isEqualTo(400);
    assertThat(status("/v1/invoices/" + id + "/void", "")).isEqualTo(400);
    // nothing to pay: paid as it is finalized
    assertThat(post("/v1/invoices/" + id + "/finalize", "")).containsEntry("status", "paid");
    assertThat(status("/v1/invoices/" + id, "description=Later")).isEqualTo(400);
    assertThat(f.client.version(CLOVER).delete("/v1/invoices/" + id).status()).isEqualTo(400);
    assertThat(status("/v1/invoices/" + id + "/finalize", "")).isEqualTo(400);

    f.coupon("id=NONE&percent_off=1&duration=forever");
    post("/v1/invoiceitems", "customer=" + customer + "&amount=900&currency=usd");
    String billed = (String) post("/v1/invoices", "customer=" + customer
        + "&pending_invoice_items_behavior=include").get("id");
    post("/v1/invoices/" + billed + "/finalize", "");
    assertThat(post("/v1/invoices/" + billed + "/mark_uncollectible", "")).containsEntry("status", "uncollectible");
    Map<String, Object> voided = post("/v1/invoices/" + billed + "/void", "");
    assertThat(voided).containsEntry("status", "void").containsEntry("amount_remaining", 0);
    assertThat(((Map<?, ?>) voided.get("status_transitions")).get("voided_at")).isNotNull();
  }

  @Test
  void aDeletedDraft_putsItsItemsBackToPending() {
    String customer = f.customer("name=x");
    String item = (String) post("/v1/invoiceitems", "customer=" + customer + "&amount=900&currency=usd").get("id");
    String draft = (String) post("/v1/invoices", "customer=" + customer + "&pending_invoice_items_behavior=include")
        .get("id");
    assertThat(TestApp.body(f.client.version(CLOVER).delete("/v1/invoices/" + draft)))
        .isEqualTo(Map.of("id", draft, "object", "invoice", "deleted", true));
    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/invoiceitems/" + item))).containsEntry("invoice", null);
    String again = (String) post("/v1/invoices", "customer=" + customer + "&pending_invoice_items_behavior=include")
        .get("id");
    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/invoices/" + again))).containsEntry("total", 900);
    // without include, pending items wait (Stripe's default since 2022)
    post("/v1/invoiceitems", "customer=" + customer + "&amount=100&currency=usd");
    assertThat(post("/v1/invoices", "customer=" + customer)).containsEntry("total", 0);
  }

  @Test
  void aFirstTimeCode_isRefusedOnceTheCustomerPaidAnInvoiceAboveZero() {
    String code = firstTimeCode("WELCOME");
    String customer = f.customer("name=n");
    // a draft and a free invoice are no transaction
    String free = (String) post("/v1/invoices", "customer=" + customer + "&currency=usd").get("id");
    post("/v1/invoices/" + free + "/finalize", "");
    assertThat(post("/v1/invoices", "customer=" + customer + "&currency=usd&discounts[0][promotion_code]=" + code))
        .containsEntry("status", "draft");
    post("/v1/invoiceitems", "customer=" + customer + "&amount=1000&currency=usd");
    String paid = (String) post("/v1/invoices", "customer=" + customer + "&pending_invoice_items_behavior=include")
        .get("id");
    post("/v1/invoices/" + paid + "/finalize", "");
    post("/v1/invoices/" + paid + "/pay", "paid_out_of_band=true");
    Map<String, Object> refused = error(post("/v1/invoices", "customer=" + customer
        + "&currency=usd&discounts[0][promotion_code]=" + code));
    assertThat(refused).containsEntry("param", "discounts[0][promotion_code]");
    assertThat(refused.get("message").toString()).contains("prior transactions");
    // a new customer's first subscription may use it; its paid first invoice makes the next refused
    String other = f.customer("name=m");
    assertThat(f.client.version(CLOVER).post("/v1/subscriptions", "customer=" + other + "&"
        + DiscountFixture.ITEM + "&discounts[0][promotion_code]=" + code).status()).isEqualTo(200);
    assertThat(f.client.version(CLOVER).post("/v1/subscriptions", "customer=" + other + "&"
        + DiscountFixture.ITEM + "&discounts[0][promotion_code]=" + code).status()).isEqualTo(400);
  }

  /**
   * The customer pays an invoice between a redemption's read (nothing paid) and its commit: the
   * first-time rule is a condition of the redemption's transaction, so it is refused all the same,
   * by every kind of write that redeems (the customer's own update, an invoice item that counts on
   * the customer, a subscription that does not write the customer at all), and nothing is redeemed.
   */
  @Test
  void aFirstTimeCode_racingTheCustomersFirstPayment_isRefusedByTheRedemptionsOwnCondition() {
    String code = firstTimeCode("FIRST");
    String customer = f.customer("name=racer");
    // (its first invoice is paid: each route below starts from a customer who paid nothing)
    String subscription = (String) post("/v1/subscriptions", "customer=" + customer + "&" + DiscountFixture.ITEM)
        .get("id");
    for (String[] route : new String[][] {
        {"/v1/customers/" + customer, "promotion_code=" + code, "promotion_code"},
        {"/v1/invoiceitems", "customer=" + customer + "&amount=100&currency=usd&discounts[0][promotion_code]=" + code,
            "discounts[0][promotion_code]"},
        {"/v1/subscriptions/" + subscription, "discounts[0][promotion_code]=" + code, "discounts[0][promotion_code]"}}) {
      setPaidInvoices(customer, 0);
      // the payment lands after the request read the customer, just before its transaction
      f.test.faults.beforeNext("TransactWriteItems", () -> setPaidInvoices(customer, 1));
      Map<String, Object> refused = error(post(route[0], route[1]));
      assertThat(refused).as(route[0]).containsEntry("param", route[2]);
      assertThat(refused.get("message").toString()).contains("prior transactions");
    }
    assertThat(f.timesRedeemed("FIRST")).isZero();
    assertThat(TestApp.body(f.client.version(CLOVER).get("/v1/promotion_codes/" + code)))
        .containsEntry("times_redeemed", 0);
  }

  /** A 20 % coupon of this id and a code of it for first-time customers only; the code's id. */
  private String firstTimeCode(String coupon) {
    f.coupon("id=" + coupon + "&percent_off=20&duration=forever");
    return (String) post("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=" + coupon
        + "&restrictions[first_time_transaction]=true").get("id");
  }

  /** Another writer's change to the customer's count of paid invoices (not through the app's client). */
  private void setPaidInvoices(String customer, long paid) {
    try (var other = dev.couponapi.testing.LocalDynamo.client()) {
      other.updateItem(request -> request.tableName(f.test.table).key(java.util.Map.of("pk",
          software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("acct_disc#test#customer#" + customer)))
          .updateExpression("SET paid_invoices = :paid").expressionAttributeValues(java.util.Map.of(":paid",
              software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(String.valueOf(paid)))));
    }
  }

  @Test
  void badInput_isAStripeError_andWritesNothing() {
    String customer = f.customer("name=b");
    var before = f.test.snapshot();
    assertThat(error(post("/v1/invoices", "currency=usd"))).containsEntry("param", "customer");
    assertThat(error(post("/v1/invoices", "customer=cus_nope"))).containsEntry("code", "resource_missing");
    assertThat(error(post("/v1/invoices", "customer=" + customer + "&pending_invoice_items_behavior=all")))
        .containsEntry("param", "pending_invoice_items_behavior");
    assertThat(error(post("/v1/invoices", "customer=" + customer + "&discounts[0][coupon]=NOPE")))
        .containsEntry("code", "resource_missing");
    StringBuilder many = new StringBuilder("customer=" + customer);
    for (int i = 0; i < 21; i++) {
      many.append("&discounts[").append(i).append("][coupon]=X");
    }
    assertThat(error(post("/v1/invoices", many.toString()))).containsEntry("param", "discounts");
    assertThat(f.test.snapshot()).isEqualTo(before);
    assertThat(f.client.version(CLOVER).post("/v1/invoices/in_nope/finalize", "").status()).isEqualTo(404);
  }
}

package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.ACACIA;
import static dev.couponapi.http.DiscountFixture.BASIL;
import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static dev.couponapi.http.DiscountFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invoice previews (docs/api.md §6) through the pipeline: which discounts apply, what they take,
    and nothing written. */
class InvoicePreviewTest {

  private final DiscountFixture f = new DiscountFixture();

  private Map<String, Object> preview(String body, String version) {
    return TestApp.body(f.client.version(version).post("/v1/invoices/create_preview", body));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> lines(Map<String, Object> invoice) {
    return (List<Map<String, Object>>) ((Map<String, Object>) invoice.get("lines")).get("data");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> amounts(Object list) {
    return (List<Map<String, Object>>) list;
  }

  @Test
  void theSpecsWorkedExample_endToEndThroughThePipeline() {
    f.coupon("id=TEN&percent_off=10");
    f.coupon("id=FIFTEEN_B&percent_off=15&applies_to[products][]=prod_B");
    f.coupon("id=THREE_HUNDRED&amount_off=300&currency=usd");
    String customer = f.customer("name=w");
    Map<String, Object> invoice = preview("customer=" + customer
        + "&invoice_items[0][amount]=1000&invoice_items[0][currency]=usd&invoice_items[0][price_data][product]=prod_A"
        + "&invoice_items[1][amount]=999&invoice_items[1][currency]=usd&invoice_items[1][price_data][product]=prod_B"
        + "&invoice_items[1][discounts][0][coupon]=TEN"
        + "&discounts[0][coupon]=FIFTEEN_B&discounts[1][coupon]=THREE_HUNDRED", CLOVER);

    assertThat(invoice).containsEntry("object", "invoice").containsEntry("subtotal", 1899).containsEntry("total", 1464)
        .containsEntry("amount_due", 1464).containsEntry("status", "draft").containsEntry("currency", "usd");
    assertThat((String) invoice.get("id")).startsWith("upcoming_in_");
    List<Map<String, Object>> totals = amounts(invoice.get("total_discount_amounts"));
    assertThat(totals).extracting(entry -> entry.get("amount")).containsExactly(100, 135, 300);
    List<Map<String, Object>> lines = lines(invoice);
    assertThat(amounts(lines.get(0).get("discount_amounts"))).extracting(entry -> entry.get("amount"))
        .containsExactly(170);
    assertThat(amounts(lines.get(1).get("discount_amounts"))).extracting(entry -> entry.get("amount"))
        .containsExactly(100, 135, 130);
    assertThat((List<?>) lines.get(1).get("discounts")).hasSize(1);
    assertThat((List<?>) invoice.get("discounts")).hasSize(2);
  }

  @Test
  void aPreviewNeverRedeemsCountsOrWrites() {
    f.coupon("id=ONCE&percent_off=10&max_redemptions=1");
    String customer = f.customer("name=n");
    var before = f.test.snapshot();
    f.test.calls.reset();
    Map<String, Object> invoice = preview("customer=" + customer
        + "&invoice_items[0][amount]=500&invoice_items[0][currency]=usd&discounts[0][coupon]=ONCE", CLOVER);
    assertThat(invoice).containsEntry("total", 450);
    assertThat(f.test.calls.operations()).allMatch(operation -> operation.equals("GetItem")
        || operation.equals("BatchGetItem"));
    assertThat(f.test.snapshot()).isEqualTo(before);
    assertThat(f.timesRedeemed("ONCE")).isZero();
  }

  @Test
  void precedence_requestDiscounts_thenTheSubscriptions_thenTheCustomers() {
    f.coupon("id=CUSTOMER5&percent_off=5&duration=forever");
    f.coupon("id=SUB20&percent_off=20&duration=forever");
    f.coupon("id=REQ50&percent_off=50");
    String customer = f.customer("coupon=CUSTOMER5");
    String plain = (String) TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions", "customer=" + customer + "&"
        + ITEM)).get("id");
    String own = (String) TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions", "customer=" + customer + "&"
        + ITEM + "&discounts[0][coupon]=SUB20")).get("id");
    assertThat(preview("subscription=" + plain, CLOVER)).containsEntry("total", 1900);
    assertThat(preview("subscription=" + own, CLOVER)).containsEntry("total", 1600);
    assertThat(preview("subscription=" + own + "&discounts[0][coupon]=REQ50", CLOVER)).containsEntry("total", 1000);
    assertThat(preview("subscription=" + own + "&discounts=", CLOVER)).containsEntry("total", 2000);
    assertThat(preview("customer=" + customer + "&subscription_details[items][0][price_data][currency]=usd"
        + "&subscription_details[items][0][price_data][product]=prod_A"
        + "&subscription_details[items][0][price_data][unit_amount]=1000", CLOVER)).containsEntry("total", 950);
  }

  @Test
  void anInheritedAmountOffCouponWithoutTheInvoiceCurrency_isSkipped_anExplicitOneIsRefused() {
    f.coupon("id=EURO&amount_off=500&currency=eur");
    String customer = f.customer("coupon=EURO");
    String items = "&invoice_items[0][amount]=2000&invoice_items[0][currency]=usd";
    Map<String, Object> inherited = preview("customer=" + customer + items, CLOVER);
    assertThat(inherited).containsEntry("total", 2000).containsEntry("total_discount_amounts", List.of());
    assertThat(error(preview("customer=" + customer + items + "&discounts[0][coupon]=EURO", CLOVER)))
        .containsEntry("param", "discounts[0][coupon]");
  }

  @Test
  void refusals_asARedemptionWouldRefuse() {
    f.coupon("id=USED&percent_off=10&max_redemptions=1");
    f.customer("coupon=USED");
    String customer = f.customer("name=late");
    String items = "&invoice_items[0][amount]=100&invoice_items[0][currency]=usd";
    assertThat(error(preview("customer=" + customer + items + "&discounts[0][coupon]=USED", CLOVER)))
        .containsEntry("code", "coupon_expired");
    assertThat(error(preview("customer=" + customer + items + "&discounts[0][coupon]=NOPE", CLOVER)))
        .containsEntry("code", "resource_missing");
    assertThat(error(preview("customer=" + customer, CLOVER))).containsEntry("code", "invoice_upcoming_none");
    assertThat(error(preview("customer=cus_nope" + items, CLOVER))).containsEntry("param", "customer");
    assertThat(error(preview(items.substring(1), CLOVER))).containsEntry("code", "parameter_missing");
  }

  @Test
  void upcoming_onlyBeforeBasil_withTheSameResult_andTheOldPriceShape() {
    f.coupon("id=QUARTER&percent_off=25");
    String customer = f.customer("coupon=QUARTER");
    String upcoming = "/v1/invoices/upcoming?customer=" + customer
        + "&invoice_items[0][amount]=999&invoice_items[0][currency]=usd";
    Map<String, Object> old = TestApp.body(f.client.version(ACACIA).get(upcoming));
    assertThat(old).containsEntry("total", 749).containsKey("subscription");
    assertThat(lines(old).get(0)).containsKey("price").doesNotContainKey("pricing");
    ApiResponse removed = f.client.version(BASIL).get(upcoming);
    assertThat(removed.status()).isEqualTo(404);
    Map<String, Object> basil = preview("customer=" + customer + "&invoice_items[0][amount]=999"
        + "&invoice_items[0][currency]=usd", BASIL);
    assertThat(lines(basil).get(0)).containsKey("pricing").doesNotContainKey("price");
    assertThat(basil).doesNotContainKey("subscription").containsEntry("total", 749);
  }

  @Test
  void nonDiscountableItems_keepTheirAmount() {
    f.coupon("id=HALF&percent_off=50");
    String customer = f.customer("coupon=HALF");
    Map<String, Object> invoice = preview("customer=" + customer
        + "&invoice_items[0][amount]=1000&invoice_items[0][currency]=usd&invoice_items[0][discountable]=false"
        + "&invoice_items[1][unit_amount]=300&invoice_items[1][quantity]=2&invoice_items[1][currency]=usd", CLOVER);
    assertThat(invoice).containsEntry("subtotal", 1600).containsEntry("total", 1300);
  }
}

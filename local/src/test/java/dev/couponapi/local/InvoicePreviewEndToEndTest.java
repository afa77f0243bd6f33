package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.wire.Json;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An invoice preview through the local API, over HTTP, as a client would ask for one. */
class InvoicePreviewEndToEndTest {

  private final LocalApi api = new LocalApi();
  private final String key = api.keyFor(new Tenant("acct_preview", false));

  @AfterEach
  void stop() {
    api.close();
  }

  private Map<String, Object> post(String path, String body) {
    HttpResponse<String> response = api.send("POST", path, key, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.readObject(response.body());
  }

  @Test
  void aSubscriptionsNextInvoice_withItsDiscount_andTheCustomersIgnored() {
    post("/v1/coupons", "id=LOYAL&percent_off=5");
    post("/v1/coupons", "id=SUB30&amount_off=300&currency=usd&duration=repeating&duration_in_months=3");
    String customer = (String) post("/v1/customers", "coupon=LOYAL").get("id");
    String subscription = (String) post("/v1/subscriptions", "customer=" + customer
        + "&items[0][price_data][currency]=usd&items[0][price_data][product]=prod_A"
        + "&items[0][price_data][unit_amount]=1250&items[0][quantity]=2"
        + "&items[0][price_data][recurring][interval]=month&discounts[0][coupon]=SUB30").get("id");
    List<Object> before = api.test.snapshot().stream().map(Object.class::cast).toList();

    Map<String, Object> invoice = post("/v1/invoices/create_preview", "subscription=" + subscription);

    assertThat(invoice).containsEntry("customer", customer).containsEntry("subtotal", 2500)
        .containsEntry("total", 2200).containsEntry("amount_due", 2200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> totals = (List<Map<String, Object>>) invoice.get("total_discount_amounts");
    assertThat(totals).hasSize(1).first().satisfies(entry -> assertThat(entry).containsEntry("amount", 300));
    assertThat(api.test.snapshot().stream().map(Object.class::cast).toList()).isEqualTo(before);
  }
}

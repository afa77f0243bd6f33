package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.ProjectHome;
import dev.couponapi.testing.TestApp;
import dev.couponapi.testing.TestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * docs/call-budgets.md is the one table of DynamoDB calls per request: this test makes each
 * request, records its calls in order, and requires the table to say exactly that. A change of
 * calls fails here with the table as it now is; {@code -Dcallbudgets.write=true} writes it into
 * the document (then read the diff before committing it).
 */
class CallBudgetTableTest {

  private static final Tenant TENANT = new Tenant("acct_calls", false);
  private static final Path DOCUMENT = ProjectHome.path().resolve("docs/call-budgets.md");
  private static final String BEGIN = "<!-- the table below is CallBudgetTableTest's: edit the test, not the table -->";
  private static final String END = "<!-- end of CallBudgetTableTest's table -->";

  private final TestApp test = new TestApp();
  private final TestClient client = test.client(TENANT).version("2025-09-30.clover");
  private final Map<String, String> rows = new LinkedHashMap<>();

  @Test
  void theDocumentedCallsAreTheCallsEachRequestMakes() throws IOException {
    client.ok("/v1/coupons", "id=TEN&percent_off=10");
    client.ok("/v1/coupons", "id=CAPPED&percent_off=10&max_redemptions=100");
    String code = (String) client.ok("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=TEN&code=TENOFF")
        .get("id");
    String customer = (String) client.ok("/v1/customers", "name=Ada").get("id");
    String other = (String) client.ok("/v1/customers", "name=Bo").get("id");
    String item = "&items[0][price_data][currency]=usd&items[0][price_data][product]=prod_A"
        + "&items[0][price_data][unit_amount]=2000&items[0][price_data][recurring][interval]=month";
    String subscription = (String) client.ok("/v1/subscriptions", "customer=" + other + item).get("id");

    row("`POST /v1/coupons`", c -> c.ok("/v1/coupons", "percent_off=5"));
    row("`POST /v1/coupons` with `Idempotency-Key`",
        c -> c.header("Idempotency-Key", "calls-1").ok("/v1/coupons", "percent_off=5"));
    row("the same again (a replay)", c -> c.header("Idempotency-Key", "calls-1").ok("/v1/coupons", "percent_off=5"));
    row("`POST /v1/coupons` with `max_redemptions`", c -> c.ok("/v1/coupons", "percent_off=5&max_redemptions=10"));
    row("`GET /v1/coupons/{id}`", c -> c.okGet("/v1/coupons/TEN"));
    row("`POST /v1/coupons/{id}`", c -> c.ok("/v1/coupons/TEN", "name=Ten"));
    row("`GET /v1/coupons`", c -> c.okGet("/v1/coupons"));
    row("`GET /v1/coupons?starting_after=…`", c -> c.okGet("/v1/coupons?starting_after=TEN"));
    row("`POST /v1/promotion_codes`", c -> c.ok("/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=TEN&code=MORE"));
    row("`GET /v1/promotion_codes/{id}`", c -> c.okGet("/v1/promotion_codes/" + code));
    row("`POST /v1/promotion_codes/{id}` (metadata)", c -> c.ok("/v1/promotion_codes/" + code, "metadata[k]=v"));
    row("`GET /v1/promotion_codes?code=…`", c -> c.okGet("/v1/promotion_codes?code=TENOFF"));
    row("`POST /v1/customers`", c -> c.ok("/v1/customers", "name=Cy"));
    row("`POST /v1/customers` with a coupon", c -> c.ok("/v1/customers", "coupon=CAPPED"));
    row("`POST /v1/customers/{id}` with a promotion code", c -> c.ok("/v1/customers/" + customer,
        "promotion_code=" + code));
    row("`GET /v1/customers/{id}`", c -> c.okGet("/v1/customers/" + customer));
    row("`DELETE /v1/customers/{id}/discount`", c -> TestClient.ok(c.delete("/v1/customers/" + customer
        + "/discount")));
    row("`POST /v1/subscriptions` with a coupon", c -> c.ok("/v1/subscriptions", "customer=" + customer + item
        + "&discounts[0][coupon]=TEN"));
    row("`POST /v1/subscriptions/{id}` (metadata)", c -> c.ok("/v1/subscriptions/" + subscription,
        "metadata[k]=v"));
    row("`DELETE /v1/subscriptions/{id}`", c -> TestClient.ok(c.delete("/v1/subscriptions/" + subscription)));
    row("`GET /v1/subscriptions?customer=…`", c -> c.okGet("/v1/subscriptions?customer=" + other));
    row("`POST /v1/invoices/create_preview` with a coupon", c -> c.ok("/v1/invoices/create_preview", "customer="
        + customer + "&invoice_items[0][amount]=1000&invoice_items[0][currency]=usd&discounts[0][coupon]=TEN"));
    String renewing = (String) client.ok("/v1/subscriptions", "customer=" + customer + item
        + "&discounts[0][coupon]=TEN").get("id");
    String invoice = (String) client.okGet("/v1/subscriptions/" + renewing).get("latest_invoice");
    row("`GET /v1/invoices/{id}`", c -> c.okGet("/v1/invoices/" + invoice));
    row("`GET /v1/invoices?subscription=…`", c -> c.okGet("/v1/invoices?subscription=" + renewing));
    test.clock.advance(java.time.Duration.ofDays(32));
    background("a renewal (a subscription with a coupon: its period, invoice, customer's number, 4 events)",
        () -> test.app.sweep().renew(TENANT, renewing));
    row("`POST /v1/invoiceitems`", c -> c.ok("/v1/invoiceitems", "customer=" + customer
        + "&amount=500&currency=usd"));
    java.util.concurrent.atomic.AtomicReference<String> draft = new java.util.concurrent.atomic.AtomicReference<>();
    row("`POST /v1/invoices` (a draft billing one pending item)", c -> draft.set((String) c.ok("/v1/invoices",
        "customer=" + customer + "&pending_invoice_items_behavior=include").get("id")));
    row("`POST /v1/invoices/{id}/finalize`", c -> c.ok("/v1/invoices/" + draft.get() + "/finalize", ""));
    row("`POST /v1/invoices/{id}/pay` (paid out of band)", c -> c.ok("/v1/invoices/" + draft.get() + "/pay",
        "paid_out_of_band=true"));
    row("`POST /v1/subscription_items`", c -> c.ok("/v1/subscription_items", "subscription=" + renewing
        + "&price_data[currency]=usd&price_data[product]=prod_B&price_data[unit_amount]=100"
        + "&price_data[recurring][interval]=month"));
    row("`DELETE /v1/customers/{id}`", c -> TestClient.ok(c.delete("/v1/customers/" + other)));
    row("`POST /v1/webhook_endpoints`", c -> c.ok("/v1/webhook_endpoints",
        "url=http://127.0.0.1:9/hook&enabled_events[]=*"));
    row("`GET /v1/events`", c -> c.okGet("/v1/events"));
    row("`GET /v1/coupons/{id}/stats` (30 days)", c -> c.okGet("/v1/coupons/TEN/stats"));
    row("`GET /v1/promotion_codes/{id}/stats` (366 days)", c -> c.okGet("/v1/promotion_codes/" + code + "/stats?days=366"));
    row("`GET /v1/coupon_stats` (2 coupons, 1 day)", c -> c.okGet("/v1/coupon_stats?coupons[]=TEN&coupons[]=CAPPED&days=1"));
    row("`POST /v1/promotion_code_batches` (10 codes)", c -> c.ok("/v1/promotion_code_batches",
        "promotion[type]=coupon&promotion[coupon]=TEN&count=10"));
    background("the batch's worker run (10 codes)", test::runBatches);
    test.fanOut(TENANT);
    test.deliveryQueue.take();
    client.ok("/v1/coupons", "id=HOOKED&percent_off=1");
    background("the fan-out of one event to one endpoint", () -> test.fanOut(TENANT));
    row("a request refused by validation", c -> assertThat(c.post("/v1/coupons", "percent_off=abc").status())
        .isEqualTo(400));

    String table = table();
    if (Boolean.getBoolean("callbudgets.write")) {
      write(table);
    }
    assertThat(documented()).as("docs/call-budgets.md's table (rerun with -Dcallbudgets.write=true to rewrite it)")
        .isEqualTo(table);
  }

  private void row(String request, Consumer<TestClient> make) {
    test.calls.reset();
    make.accept(client);
    rows.put(request, calls());
  }

  private void background(String work, Runnable run) {
    test.calls.reset();
    run.run();
    rows.put(work, calls());
  }

  /** The calls made since the reset, in order; a transaction with its item count. */
  private String calls() {
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < test.calls.operations().size(); i++) {
      String operation = test.calls.operations().get(i);
      calls.add(test.calls.requests().get(i) instanceof TransactWriteItemsRequest transaction
          ? operation + " (" + transaction.transactItems().size() + ")" : operation);
    }
    return calls.isEmpty() ? "none" : String.join(", ", calls);
  }

  private String table() {
    StringBuilder table = new StringBuilder("| request | DynamoDB calls, in order (a transaction's items in brackets) |\n"
        + "|---|---|\n");
    rows.forEach((request, calls) -> table.append("| ").append(request).append(" | ").append(calls).append(" |\n"));
    return table.toString();
  }

  private static String documented() throws IOException {
    String text = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(begin).as("docs/call-budgets.md marks its table").isGreaterThanOrEqualTo(0).isLessThan(end);
    return text.substring(begin + BEGIN.length(), end).strip() + "\n";
  }

  private static void write(String table) throws IOException {
    String text = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    Files.writeString(DOCUMENT, text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end),
        StandardCharsets.UTF_8);
  }
}

package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.ACACIA;
import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static dev.couponapi.http.DiscountFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.service.ExpirySweep;
import dev.couponapi.testing.TestApp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Billing periods and invoices (docs/api.md §7): a subscription is invoiced at its creation and at
 * every renewal, which the sweep makes; its discounts are used by those invoices as in Stripe.
 */
class BillingTest {

  private final DiscountFixture f = new DiscountFixture();

  private ExpirySweep.Summary sweep() {
    // as the sweep's function: its calls are held to its IAM policy in template.yaml
    return f.test.calls.as("ExpirySweepFunction", () -> f.test.app.sweep().run(1000));
  }

  /** Moves the clock to {@code months} calendar months after the start, and runs the sweep. */
  private ExpirySweep.Summary monthsLater(int months) {
    f.test.clock.set(TestApp.START.atOffset(ZoneOffset.UTC).plusMonths(months).plusMinutes(1).toInstant());
    return sweep();
  }

  private Map<String, Object> subscribe(String discounts) {
    return TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions",
        "customer=" + f.customer("name=b") + "&" + ITEM + discounts));
  }

  private Map<String, Object> get(String path) {
    return TestApp.body(f.client.version(CLOVER).get(path));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> invoicesOf(String subscription) {
    List<Map<String, Object>> newestFirst = (List<Map<String, Object>>) get("/v1/invoices?subscription="
        + subscription + "&limit=100").get("data");
    List<Map<String, Object>> oldestFirst = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  private static long total(Map<String, Object> invoice) {
    return ((Number) invoice.get("total")).longValue();
  }

  @Test
  void aOnceCoupon_discountsTheFirstInvoiceOnly_andLeavesTheSubscription() {
    f.coupon("id=ONCE&percent_off=25&duration=once");
    Map<String, Object> subscription = subscribe("&discounts[0][coupon]=ONCE");
    String id = (String) subscription.get("id");

    Map<String, Object> first = get("/v1/invoices/" + subscription.get("latest_invoice"));
    assertThat(first).containsEntry("status", "paid").containsEntry("total", 1500).containsEntry("subtotal", 2000)
        .containsEntry("billing_reason", "subscription_create").containsEntry("amount_paid", 1500);
    assertThat((List<?>) first.get("discounts")).hasSize(1);
    assertThat(subscription.get("discounts")).isEqualTo(List.of());
    // the discount was used by the first invoice: it left with customer.discount.deleted then
    assertThat(f.events("?type=customer.discount.deleted")).hasSize(1);
    assertThat(f.events("?type=invoice.*")).extracting(event -> event.get("type"))
        .containsExactly("invoice.paid", "invoice.finalized", "invoice.created");

    assertThat(monthsLater(1).renewals()).isEqualTo(1);
    List<Map<String, Object>> invoices = invoicesOf(id);
    assertThat(invoices).extracting(BillingTest::total).containsExactly(1500L, 2000L);
    assertThat(invoices.get(1)).containsEntry("billing_reason", "subscription_cycle")
        .containsEntry("discounts", List.of()).containsEntry("period_start", invoices.get(0).get("period_end"));
    assertThat(get("/v1/subscriptions/" + id)).containsEntry("latest_invoice", invoices.get(1).get("id"))
        .containsEntry("discounts", List.of());
    // the renewal's events (the creation's are more than 30 days old now, past what events list)
    assertThat(f.events("?type=invoice.paid")).hasSize(1);
    Map<String, Object> updated = f.events("?type=customer.subscription.updated").get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> previous = (Map<String, Object>) DiscountFixture.eventData(updated).get("previous_attributes");
    assertThat(previous).containsKey("latest_invoice");
  }

  @Test
  void aRepeatingCouponOfThreeMonths_discountsExactlyTheFirstThreeInvoices() {
    f.coupon("id=THREE&percent_off=10&duration=repeating&duration_in_months=3");
    String id = (String) subscribe("&discounts[0][coupon]=THREE").get("id");
    for (int month = 1; month <= 5; month++) {
      assertThat(monthsLater(month).renewals()).isEqualTo(1);
    }
    assertThat(invoicesOf(id)).extracting(BillingTest::total).containsExactly(1800L, 1800L, 1800L, 2000L, 2000L, 2000L);
  }

  @Test
  void aForeverCoupon_discountsEveryInvoice_andASweepLateCatchesUpEveryPeriodInOrder() {
    f.coupon("id=ALWAYS&percent_off=50&duration=forever");
    String id = (String) subscribe("&discounts[0][coupon]=ALWAYS").get("id");
    sweep();
    assertThat(monthsLater(4).renewals()).isEqualTo(4);
    List<Map<String, Object>> invoices = invoicesOf(id);
    assertThat(invoices).extracting(BillingTest::total).containsOnly(1000L).hasSize(5);
    for (int i = 1; i < invoices.size(); i++) {
      assertThat(invoices.get(i).get("period_start")).isEqualTo(invoices.get(i - 1).get("period_end"));
    }
    // periods are counted from the anchor: the 1st of each month at midnight
    assertThat(((Number) invoices.get(4).get("period_start")).longValue())
        .isEqualTo(TestApp.START.atOffset(ZoneOffset.UTC).plusMonths(4).toEpochSecond());
    assertThat(monthsLater(4).renewals()).isZero();
  }

  @Test
  void aCustomersOnceDiscount_isUsedByItsFirstSubscriptionInvoice_andNumbersCountPerCustomer() {
    f.coupon("id=WELCOME&amount_off=500&currency=usd&duration=once");
    String customer = f.customer("coupon=WELCOME");
    Map<String, Object> first = TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions",
        "customer=" + customer + "&" + ITEM));
    Map<String, Object> second = TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions",
        "customer=" + customer + "&" + ITEM));
    Map<String, Object> one = get("/v1/invoices/" + first.get("latest_invoice"));
    Map<String, Object> two = get("/v1/invoices/" + second.get("latest_invoice"));
    assertThat(total(one)).isEqualTo(1500);
    assertThat(total(two)).isEqualTo(2000);
    assertThat(get("/v1/customers/" + customer)).containsEntry("discount", null)
        .containsEntry("next_invoice_sequence", 3);
    String prefix = (String) get("/v1/customers/" + customer).get("invoice_prefix");
    assertThat(one).containsEntry("number", prefix + "-0001");
    assertThat(two).containsEntry("number", prefix + "-0002");
  }

  @Test
  void renewalsRacing_neverBillAPeriodTwice() throws Exception {
    f.coupon("id=HALF&percent_off=50&duration=forever");
    String id = (String) subscribe("&discounts[0][coupon]=HALF").get("id");
    sweep();
    f.test.clock.set(TestApp.START.atOffset(ZoneOffset.UTC).plusMonths(3).plusMinutes(1).toInstant());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ExpirySweep.Summary>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(pool.submit(() -> {
        start.await();
        return f.test.app.sweep().run(1000);
      }));
    }
    start.countDown();
    long renewals = 0;
    for (Future<ExpirySweep.Summary> run : runs) {
      renewals += run.get().renewals();
    }
    pool.shutdown();
    List<Map<String, Object>> invoices = invoicesOf(id);
    assertThat(renewals).isEqualTo(3);
    assertThat(invoices).hasSize(4);
    assertThat(invoices).extracting(invoice -> invoice.get("period_start")).doesNotHaveDuplicates();
    assertThat(invoices).extracting(invoice -> invoice.get("number")).doesNotHaveDuplicates();
  }

  @Test
  void aSubscriptionsPreview_isItsNextRenewal_periodAndDiscountsAsTheRenewalWillHaveThem() {
    f.coupon("id=MONTH&percent_off=10&duration=repeating&duration_in_months=1");
    f.coupon("id=ALWAYS5&percent_off=5&duration=forever");
    Map<String, Object> subscription = subscribe("&discounts[0][coupon]=MONTH&discounts[1][coupon]=ALWAYS5");
    Map<String, Object> preview = TestApp.body(f.client.version(CLOVER).post("/v1/invoices/create_preview",
        "subscription=" + subscription.get("id")));
    long nextStart = TestApp.START.atOffset(ZoneOffset.UTC).plusMonths(1).toEpochSecond();
    assertThat(((Number) preview.get("period_start")).longValue()).isEqualTo(nextStart);
    assertThat(((Number) preview.get("period_end")).longValue())
        .isEqualTo(TestApp.START.atOffset(ZoneOffset.UTC).plusMonths(2).toEpochSecond());
    // the month-long discount ends as the next period starts: only the forever one is previewed
    assertThat(preview).containsEntry("total", 1900);
    monthsLater(1);
    assertThat(invoicesOf((String) subscription.get("id")).get(1)).containsEntry("total", 1900);
  }

  @Test
  void aCanceledSubscription_renewsNoMore() {
    String id = (String) subscribe("").get("id");
    TestApp.body(f.client.version(CLOVER).delete("/v1/subscriptions/" + id));
    assertThat(monthsLater(2).renewals()).isZero();
    assertThat(invoicesOf(id)).hasSize(1);
  }

  @Test
  void shapesByVersion_periodOnTheSubscriptionBeforeBasil_parentAndPretaxCreditsFromBasil() {
    f.coupon("id=TEN&percent_off=10&duration=forever");
    Map<String, Object> subscription = subscribe("&discounts[0][coupon]=TEN");
    String invoice = (String) subscription.get("latest_invoice");
    Map<String, Object> old = TestApp.body(f.client.version(ACACIA).get("/v1/invoices/" + invoice));
    assertThat(old).containsEntry("subscription", subscription.get("id")).doesNotContainKeys("parent",
        "total_pretax_credit_amounts");
    Map<String, Object> basil = get("/v1/invoices/" + invoice);
    assertThat(basil).doesNotContainKey("subscription");
    assertThat(basil.get("parent").toString()).contains("subscription=" + subscription.get("id"))
        .contains("type=subscription_details");
    assertThat(basil.get("total_pretax_credit_amounts").toString()).contains("amount=200").contains("type=discount");
    assertThat(TestApp.body(f.client.version(ACACIA).get("/v1/subscriptions/" + subscription.get("id"))))
        .containsKeys("current_period_start", "current_period_end");
    assertThat(get("/v1/subscriptions/" + subscription.get("id"))).doesNotContainKey("current_period_end");
    assertThat(subscription.get("items").toString()).contains("current_period_end="
        + TestApp.START.atOffset(ZoneOffset.UTC).plusMonths(1).toEpochSecond());
  }

  @Test
  void badInput_unknownInvoice_otherAccountsInvoice_andAnUnknownStatus_areStripeErrors() {
    String invoice = (String) subscribe("").get("latest_invoice");
    assertThat(f.test.client(new dev.couponapi.domain.Tenant("acct_other", false)).version(CLOVER)
        .get("/v1/invoices/" + invoice).status()).isEqualTo(404);
    assertThat(error(get("/v1/invoices/in_nope"))).containsEntry("code", "resource_missing")
        .containsEntry("param", "id");
    assertThat(error(get("/v1/invoices?status=lost"))).containsEntry("param", "status");
    assertThat(error(TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions", "customer="
        + f.customer("name=x") + "&" + ITEM + "&items[1][price_data][currency]=usd"
        + "&items[1][price_data][product]=prod_B&items[1][price_data][unit_amount]=100"
        + "&items[1][price_data][recurring][interval]=year")))).containsEntry("param",
        "items[1][price_data][recurring]");
  }

  @Test
  void aSubscriptionsInvoicesAreListedNewestFirst_byCustomerToo() {
    Map<String, Object> subscription = subscribe("");
    monthsLater(1);
    List<?> byCustomer = (List<?>) get("/v1/invoices?customer=" + subscription.get("customer")).get("data");
    assertThat(byCustomer).hasSize(2);
    assertThat(((Map<?, ?>) byCustomer.get(0)).get("billing_reason")).isEqualTo("subscription_cycle");
    assertThat((List<?>) get("/v1/invoices?status=open").get("data")).isEmpty();
    assertThat(Instant.ofEpochSecond(((Number) ((Map<?, ?>) byCustomer.get(0)).get("created")).longValue()))
        .isEqualTo(TestApp.START.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant());
  }
}

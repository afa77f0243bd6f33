package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static dev.couponapi.http.DiscountFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test clocks (docs/api.md §7.5): a customer on a clock lives at its time; an advance runs every
 * renewal and discount end up to its target, in order, with their events, as real time would.
 */
class TestClocksTest {

  /** 2027-03-31: a month of 31 days, so the periods are clamped to the shorter months and come back. */
  private static final long MARCH_31 = 1806451200L;

  private final DiscountFixture f = new DiscountFixture();

  private Map<String, Object> post(String path, String body) {
    return TestApp.body(f.client.version(CLOVER).post(path, body));
  }

  private Map<String, Object> get(String path) {
    return TestApp.body(f.client.version(CLOVER).get(path));
  }

  private static long monthsAfter(long at, int months) {
    return java.time.Instant.ofEpochSecond(at).atOffset(ZoneOffset.UTC).plusMonths(months).toEpochSecond();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> invoicesOf(String subscription) {
    List<Map<String, Object>> invoices = new ArrayList<>((List<Map<String, Object>>) get(
        "/v1/invoices?limit=100&subscription=" + subscription).get("data"));
    Collections.reverse(invoices);
    return invoices;
  }

  /** Advances the clock month by month (two intervals at most, as Stripe allows) to {@code months} later. */
  private void advanceMonths(String clock, long from, int months) {
    for (int month = 1; month <= months; month++) {
      Map<String, Object> advanced = post("/v1/test_helpers/test_clocks/" + clock + "/advance",
          "frozen_time=" + (monthsAfter(from, month) + 60));
      assertThat(advanced).containsEntry("status", "ready");
    }
  }

  @Test
  void aYearOfInvoices_withEachKindOfCoupon_onAClock() {
    f.coupon("id=ONCE&percent_off=50&duration=once");
    f.coupon("id=THREE&percent_off=10&duration=repeating&duration_in_months=3");
    f.coupon("id=ALWAYS&percent_off=5&duration=forever");
    String clock = (String) post("/v1/test_helpers/test_clocks", "frozen_time=" + MARCH_31 + "&name=year").get("id");
    String customer = (String) post("/v1/customers", "name=c&test_clock=" + clock).get("id");
    assertThat(get("/v1/customers/" + customer)).containsEntry("test_clock", clock).containsEntry("created",
        (int) MARCH_31);
    String once = (String) post("/v1/subscriptions", "customer=" + customer + "&" + ITEM
        + "&discounts[0][coupon]=ONCE").get("id");
    String three = (String) post("/v1/subscriptions", "customer=" + customer + "&" + ITEM
        + "&discounts[0][coupon]=THREE").get("id");
    String always = (String) post("/v1/subscriptions", "customer=" + customer + "&" + ITEM
        + "&discounts[0][coupon]=ALWAYS").get("id");

    advanceMonths(clock, MARCH_31, 12);

    assertThat(invoicesOf(once)).extracting(invoice -> invoice.get("total"))
        .containsExactly(1000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000);
    assertThat(invoicesOf(three)).extracting(invoice -> invoice.get("total"))
        .containsExactly(1800, 1800, 1800, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000);
    assertThat(invoicesOf(always)).extracting(invoice -> invoice.get("total")).containsOnly(1900).hasSize(13);
    // periods counted from the 31st: April's ends on the 30th, May's on the 31st again
    assertThat(invoicesOf(always)).extracting(invoice -> invoice.get("period_start")).startsWith((int) MARCH_31,
        (int) monthsAfter(MARCH_31, 1), (int) monthsAfter(MARCH_31, 2));
    assertThat(monthsAfter(MARCH_31, 1)).isEqualTo(1809043200L);
    assertThat(get("/v1/test_helpers/test_clocks/" + clock)).containsEntry("frozen_time",
        (int) (monthsAfter(MARCH_31, 12) + 60));
  }

  @Test
  void aLongAdvance_finishesInTheBackground_resumesWhereItStopped_andNeverRenewsTwice() throws Exception {
    String clock = (String) post("/v1/test_helpers/test_clocks", "frozen_time=" + MARCH_31).get("id");
    List<String> subscriptions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String customer = (String) post("/v1/customers", "name=b" + i + "&test_clock=" + clock).get("id");
      subscriptions.add((String) post("/v1/subscriptions", "customer=" + customer + "&" + ITEM).get("id"));
    }
    // 80 renewals: the request makes 50 of them and answers advancing; the rest is background work
    Map<String, Object> advancing = post("/v1/test_helpers/test_clocks/" + clock + "/advance",
        "frozen_time=" + monthsAfter(MARCH_31, 2));
    assertThat(advancing).containsEntry("status", "advancing");
    assertThat(((Map<?, ?>) ((Map<?, ?>) advancing.get("status_details")).get("advancing")).get("target_frozen_time"))
        .isEqualTo((int) monthsAfter(MARCH_31, 2));
    assertThat(error(post("/v1/test_helpers/test_clocks/" + clock + "/advance", "frozen_time="
        + (monthsAfter(MARCH_31, 2) + 60))).get("message").toString()).contains("advancing");
    // two sweeps at once (a second runner, or one resumed after a crash) go on from where it stopped
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    var runs = List.of(pool.submit(() -> f.test.app.sweep().run(1000)), pool.submit(() -> f.test.app.sweep().run(1000)));
    for (var run : runs) {
      run.get();
    }
    pool.shutdown();
    f.test.app.sweep().run(1000);
    assertThat(get("/v1/test_helpers/test_clocks/" + clock)).containsEntry("status", "ready");
    for (String subscription : subscriptions) {
      assertThat(invoicesOf(subscription)).extracting(invoice -> invoice.get("period_start"))
          .containsExactly((int) MARCH_31, (int) monthsAfter(MARCH_31, 1), (int) monthsAfter(MARCH_31, 2));
    }
    assertThat(f.events("?type=test_helpers.test_clock.ready")).hasSize(1);
  }

  @Test
  void theWallClocksSweep_neverRenewsAClocksSubscriptions() {
    String clock = (String) post("/v1/test_helpers/test_clocks", "frozen_time=" + (TestApp.START.getEpochSecond()
        - 86_400 * 90)).get("id");
    String customer = (String) post("/v1/customers", "name=p&test_clock=" + clock).get("id");
    String subscription = (String) post("/v1/subscriptions", "customer=" + customer + "&" + ITEM).get("id");
    assertThat(f.test.app.sweep().run(1000).renewals()).isZero();
    assertThat(invoicesOf(subscription)).hasSize(1);
  }

  @Test
  void stripesLimits_testModeOnly_forwardOnly_twoIntervals_andAClockInUse() {
    String clock = (String) post("/v1/test_helpers/test_clocks", "frozen_time=" + MARCH_31).get("id");
    String customer = (String) post("/v1/customers", "name=l&test_clock=" + clock).get("id");
    post("/v1/subscriptions", "customer=" + customer + "&" + ITEM);
    var before = f.test.snapshot();
    assertThat(error(post("/v1/test_helpers/test_clocks/" + clock + "/advance", "frozen_time=" + (MARCH_31 - 1))))
        .containsEntry("param", "frozen_time");
    assertThat(error(post("/v1/test_helpers/test_clocks/" + clock + "/advance", "frozen_time="
        + (monthsAfter(MARCH_31, 3))))).containsEntry("param", "frozen_time");
    assertThat(error(post("/v1/test_helpers/test_clocks/" + clock + "/advance", ""))).containsEntry("param",
        "frozen_time");
    assertThat(error(post("/v1/test_helpers/test_clocks", ""))).containsEntry("param", "frozen_time");
    assertThat(error(post("/v1/customers", "test_clock=clock_nope"))).containsEntry("param", "test_clock");
    assertThat(f.test.snapshot()).isEqualTo(before);
    var live = f.test.client(new Tenant("acct_disc", true)).version(CLOVER);
    assertThat(live.post("/v1/test_helpers/test_clocks", "frozen_time=" + MARCH_31).status()).isEqualTo(400);
    assertThat(f.client.version(CLOVER).get("/v1/test_helpers/test_clocks/clock_nope").status()).isEqualTo(404);
  }

  @Test
  void deletingAClock_deletesItsCustomers_andCancelsTheirSubscriptions() {
    String clock = (String) post("/v1/test_helpers/test_clocks", "frozen_time=" + MARCH_31).get("id");
    String customer = (String) post("/v1/customers", "name=d&test_clock=" + clock).get("id");
    String subscription = (String) post("/v1/subscriptions", "customer=" + customer + "&" + ITEM).get("id");
    assertThat(TestApp.body(f.client.version(CLOVER).delete("/v1/test_helpers/test_clocks/" + clock)))
        .isEqualTo(Map.of("id", clock, "object", "test_helpers.test_clock", "deleted", true));
    assertThat(f.client.version(CLOVER).get("/v1/customers/" + customer).status()).isEqualTo(404);
    assertThat(get("/v1/subscriptions/" + subscription)).containsEntry("status", "canceled");
    assertThat(f.events("?type=test_helpers.test_clock.*")).extracting(event -> event.get("type"))
        .containsExactly("test_helpers.test_clock.deleted", "test_helpers.test_clock.created");
  }
}

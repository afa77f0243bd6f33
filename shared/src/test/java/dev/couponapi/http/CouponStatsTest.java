package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static dev.couponapi.http.DiscountFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What a coupon cost, and when it was used (an extension, docs/api.md §2.9): counted off the
 * request path from the events' stream records, each once however often they are handed over.
 */
class CouponStatsTest {

  private final DiscountFixture f = new DiscountFixture();

  private Map<String, Object> post(String path, String body) {
    return TestApp.body(f.client.version(CLOVER).post(path, body));
  }

  private static Map<String, Object> refused(ApiResponse response) {
    return error(TestApp.body(response));
  }

  private Map<String, Object> stats(String pathAndQuery) {
    return TestApp.body(f.client.version(CLOVER).get(pathAndQuery));
  }

  /** A coupon of $5 off, a code of it, and its redemptions by four routes; one preview; two paid invoices. */
  private String redeemEveryWay() {
    post("/v1/coupons", "id=SALE&amount_off=500&currency=usd&duration=repeating&duration_in_months=12");
    String code = (String) post("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=SALE&code=SALE5")
        .get("id");
    f.customer("coupon=SALE");
    // a subscription through the code: its first invoice is paid at once, $5 off $20
    post("/v1/subscriptions", "customer=" + f.customer("name=b") + "&" + ITEM + "&discounts[0][promotion_code]=" + code);
    String buyer = f.customer("name=c");
    assertThat(post("/v1/invoices/create_preview", "customer=" + buyer
        + "&invoice_items[0][amount]=1000&invoice_items[0][currency]=usd&discounts[0][coupon]=SALE"))
        .containsEntry("total", 500);
    post("/v1/invoiceitems", "customer=" + buyer + "&amount=3000&currency=usd&discounts[0][coupon]=SALE");
    String invoice = (String) post("/v1/invoices", "customer=" + buyer + "&pending_invoice_items_behavior=include")
        .get("id");
    post("/v1/invoices/" + invoice + "/finalize", "");
    assertThat(post("/v1/invoices/" + invoice + "/pay", "paid_out_of_band=true")).containsEntry("status", "paid");
    return code;
  }

  @Test
  void redemptionsByEveryRoute_andPaidInvoices_areCountedFromTheStream_previewsNever() {
    String code = redeemEveryWay();
    // nothing is counted on the request path: no statistics item until the stream's records are
    assertThat(f.test.snapshot()).noneMatch(item -> item.get("pk").s().contains("#stats#"));
    assertThat(stats("/v1/coupons/SALE/stats")).containsEntry("redemptions", 0);

    assertThat(f.test.countStats()).isEqualTo(Map.of("batchItemFailures", List.of()));
    Map<String, Object> coupon = stats("/v1/coupons/SALE/stats");
    assertThat(coupon).containsEntry("object", "coupon_stats").containsEntry("coupon", "SALE")
        .containsEntry("days", 30).containsEntry("redemptions", 3).containsEntry("invoices_discounted", 2)
        .containsEntry("amount_discounted", List.of(Map.of("currency", "usd", "amount", 1000)));
    List<?> days = (List<?>) coupon.get("redemptions_by_day");
    assertThat(days).hasSize(30);
    assertThat(days.get(0)).isEqualTo(Map.of("date", "2025-12-03", "count", 0));
    assertThat(days.get(29)).isEqualTo(Map.of("date", "2026-01-01", "count", 3));
    assertThat(coupon.get("all_time")).isEqualTo(Map.of("redemptions", 3, "invoices_discounted", 2,
        "amount_discounted", List.of(Map.of("currency", "usd", "amount", 1000))));

    assertThat(stats("/v1/promotion_codes/" + code + "/stats?days=1")).containsEntry("promotion_code", code)
        .containsEntry("days", 1).containsEntry("redemptions", 1).containsEntry("invoices_discounted", 1)
        .containsEntry("redemptions_by_day", List.of(Map.of("date", "2026-01-01", "count", 1)))
        .containsEntry("amount_discounted", List.of(Map.of("currency", "usd", "amount", 500)));
  }

  @Test
  void aBatchHandedOverAgain_whole_inPart_orTwiceAtOnce_countsOnce() throws Exception {
    redeemEveryWay();
    List<Map<String, Object>> records = f.test.eventRecords();
    f.test.countStats(records.subList(0, records.size() / 2));
    Map<String, Object> once = stats("/v1/coupons/SALE/stats");
    // the whole batch again (its first half counted before), then its second half again
    assertThat(f.test.countStats(records)).isEqualTo(Map.of("batchItemFailures", List.of()));
    f.test.countStats(records.subList(records.size() / 2, records.size()));
    Map<String, Object> counted = stats("/v1/coupons/SALE/stats");
    assertThat(counted).containsEntry("redemptions", 3).containsEntry("invoices_discounted", 2);
    assertThat(once.get("redemptions")).isNotEqualTo(counted.get("redemptions"));

    // a replay of everything by two runs at once
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Map<String, Object>>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(pool.submit(() -> f.test.countStats(records)));
    }
    for (Future<Map<String, Object>> run : runs) {
      assertThat(run.get()).isEqualTo(Map.of("batchItemFailures", List.of()));
    }
    pool.shutdown();
    assertThat(stats("/v1/coupons/SALE/stats")).isEqualTo(counted);
  }

  @Test
  void aBatchOfOneHundredRedemptions_isOneReadAndTwoTransactions() {
    post("/v1/coupons", "id=HUNDRED&percent_off=10");
    String code = (String) post("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=HUNDRED&code=H100")
        .get("id");
    for (int i = 0; i < 100; i++) {
      f.customer("promotion_code=" + code);
    }
    List<Map<String, Object>> records = f.test.eventRecords().stream().filter(record ->
        redeemed(record)).toList();
    assertThat(records).hasSize(100);
    f.test.calls.reset();
    f.test.countStats(records);
    // the events in one BatchGetItem; 100 markers and 4 counters (coupon and code: January, all time) in two
    assertThat(f.test.calls.operations()).containsExactly("BatchGetItem", "TransactWriteItems", "TransactWriteItems");
    assertThat(f.test.snapshot().stream().map(item -> item.get("pk").s())
        .filter(pk -> pk.contains("#stats#"))).hasSize(4);
    assertThat(stats("/v1/promotion_codes/" + code + "/stats?days=1")).containsEntry("redemptions", 100);
    assertThat(stats("/v1/coupons/HUNDRED/stats?days=1")).containsEntry("redemptions", 100);
  }

  private boolean redeemed(Map<String, Object> record) {
    @SuppressWarnings("unchecked")
    String pk = (String) ((Map<String, Map<String, Map<String, Object>>>) record.get("dynamodb")).get("Keys").get("pk")
        .get("S");
    return f.test.snapshot().stream().anyMatch(item -> item.get("pk").s().equals(pk) && item.containsKey("redemptions"));
  }

  @Test
  void daysAreUtcDays_andAStatsWindowEndsToday() {
    post("/v1/coupons", "id=DAILY&percent_off=10");
    f.customer("coupon=DAILY");
    f.test.clock.advance(Duration.ofDays(1));
    f.customer("coupon=DAILY");
    f.customer("coupon=DAILY");
    assertThat(f.test.countStats()).isEqualTo(Map.of("batchItemFailures", List.of()));
    Map<String, Object> week = stats("/v1/coupons/DAILY/stats?days=7");
    assertThat(((List<?>) week.get("redemptions_by_day")).subList(5, 7)).isEqualTo(List.of(
        Map.of("date", "2026-01-01", "count", 1), Map.of("date", "2026-01-02", "count", 2)));
    assertThat(week).containsEntry("redemptions", 3);
    assertThat(stats("/v1/coupons/DAILY/stats?days=1")).containsEntry("redemptions", 2)
        .containsEntry("all_time", Map.of("redemptions", 3, "invoices_discounted", 0, "amount_discounted", List.of()));
  }

  @Test
  void aCouponMadeAgainUnderTheSameId_startsAfresh_andTheListCoversLiveCouponsOnly() {
    post("/v1/coupons", "id=AGAIN&percent_off=10");
    post("/v1/coupons", "id=OTHER&percent_off=20");
    f.customer("coupon=AGAIN");
    f.customer("coupon=OTHER");
    f.test.countStats();
    f.client.version(CLOVER).delete("/v1/coupons/AGAIN");
    assertThat(refused(f.client.version(CLOVER).get("/v1/coupons/AGAIN/stats"))).containsEntry("code", "resource_missing");
    post("/v1/coupons", "id=AGAIN&percent_off=15");
    assertThat(stats("/v1/coupons/AGAIN/stats")).containsEntry("redemptions", 0);

    Map<String, Object> list = stats("/v1/coupon_stats?coupons[]=OTHER&coupons[]=NOPE&coupons[]=AGAIN&days=1");
    assertThat(list).containsEntry("object", "list").containsEntry("has_more", false);
    assertThat(((List<?>) list.get("data")).stream().map(each -> ((Map<?, ?>) each).get("coupon")).toList())
        .isEqualTo(List.of("OTHER", "AGAIN"));
    assertThat(((Map<?, ?>) ((List<?>) list.get("data")).get(0)).get("redemptions")).isEqualTo(1);
  }

  @Test
  void badInput_isAStripeShaped4xx() {
    post("/v1/coupons", "id=MINE&percent_off=10");
    for (String days : List.of("0", "367", "abc", "-1", "1.5")) {
      assertThat(refused(f.client.version(CLOVER).get("/v1/coupons/MINE/stats?days=" + days)))
          .as(days).containsEntry("type", "invalid_request_error").containsEntry("param", "days");
    }
    assertThat(f.client.version(CLOVER).get("/v1/coupons/MINE/stats?days=366").status()).isEqualTo(200);
    assertThat(refused(f.client.version(CLOVER).get("/v1/coupons/MINE/stats?limit=3"))).containsEntry("param", "limit");
    dev.couponapi.testing.TestClient other = f.test.client(new Tenant("acct_other", false)).version(CLOVER);
    ApiResponse theirs = other.get("/v1/coupons/MINE/stats");
    assertThat(theirs.status()).isEqualTo(404);
    assertThat(refused(theirs)).containsEntry("code", "resource_missing").containsEntry("param", "id");
    assertThat(other.get("/v1/promotion_codes/promo_nope/stats").status()).isEqualTo(404);
    assertThat(other.get("/v1/coupons/" + "%2E%2E%2F".repeat(3) + "/stats").status()).isEqualTo(404);
    assertThat(refused(f.client.version(CLOVER).get("/v1/coupon_stats"))).containsEntry("param", "coupons");
    StringBuilder many = new StringBuilder("/v1/coupon_stats?");
    for (int i = 0; i <= 100; i++) {
      many.append("coupons[]=C").append(i).append('&');
    }
    assertThat(refused(f.client.version(CLOVER).get(many.toString()))).containsEntry("param", "coupons");
  }
}

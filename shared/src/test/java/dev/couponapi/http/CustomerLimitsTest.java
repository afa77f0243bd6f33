package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static dev.couponapi.http.DiscountFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A coupon's limit per customer (an extension, docs/api.md §2.8), by every route that redeems it. */
class CustomerLimitsTest {

  private final DiscountFixture f = new DiscountFixture();

  private Map<String, Object> post(String path, String body) {
    return TestApp.body(f.client.version(CLOVER).post(path, body));
  }

  @Test
  void aCustomerRedeemsTwice_byAnyRoute_thenIsRefused_andAPreviewSaysSoFirst() {
    Map<String, Object> coupon = post("/v1/coupons", "id=TWICE&percent_off=10&duration=forever"
        + "&max_redemptions_per_customer=2");
    assertThat(coupon).containsEntry("max_redemptions_per_customer", 2);
    assertThat(post("/v1/coupons", "id=PLAIN&percent_off=10")).doesNotContainKey("max_redemptions_per_customer");
    String customer = f.customer("coupon=TWICE");
    post("/v1/subscriptions", "customer=" + customer + "&" + ITEM + "&discounts[0][coupon]=TWICE");
    // removing a discount gives no redemption back
    TestApp.body(f.client.version(CLOVER).delete("/v1/customers/" + customer + "/discount"));
    Map<String, Object> preview = error(post("/v1/invoices/create_preview", "customer=" + customer
        + "&invoice_items[0][amount]=1000&invoice_items[0][currency]=usd&discounts[0][coupon]=TWICE"));
    assertThat(preview).containsEntry("code", "coupon_customer_limit_reached")
        .containsEntry("param", "discounts[0][coupon]");
    var before = f.test.snapshot();
    assertThat(error(post("/v1/invoiceitems", "customer=" + customer + "&amount=100&currency=usd"
        + "&discounts[0][coupon]=TWICE"))).containsEntry("code", "coupon_customer_limit_reached");
    assertThat(f.test.snapshot()).isEqualTo(before);
    assertThat(f.timesRedeemed("TWICE")).isEqualTo(2);
    // another customer is not held by this one's count
    assertThat(f.client.version(CLOVER).post("/v1/customers", "coupon=TWICE").status()).isEqualTo(200);
  }

  @Test
  void twentyRedemptionsRacingByOneCustomer_againstALimitOfTwo_exactlyTwoSucceed() throws Exception {
    post("/v1/coupons", "id=RACE&percent_off=10&duration=forever&max_redemptions_per_customer=2");
    String customer = f.customer("name=r");
    String other = f.customer("name=o");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> mine = new ArrayList<>();
    List<Future<Integer>> others = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      mine.add(pool.submit(() -> {
        start.await();
        return f.client.version(CLOVER).post("/v1/invoiceitems", "customer=" + customer
            + "&amount=100&currency=usd&discounts[0][coupon]=RACE").status();
      }));
    }
    for (int i = 0; i < 2; i++) {
      others.add(pool.submit(() -> {
        start.await();
        return f.client.version(CLOVER).post("/v1/invoiceitems", "customer=" + other
            + "&amount=100&currency=usd&discounts[0][coupon]=RACE").status();
      }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> status : mine) {
      statuses.add(status.get());
    }
    assertThat(statuses.stream().filter(status -> status == 200).count()).isEqualTo(2);
    assertThat(statuses).containsOnly(200, 400);
    for (Future<Integer> status : others) {
      assertThat(status.get()).isEqualTo(200);
    }
    pool.shutdown();
    assertThat(f.timesRedeemed("RACE")).isEqualTo(4);
    assertThat((List<?>) TestApp.body(f.client.version(CLOVER).get("/v1/invoiceitems?customer=" + customer))
        .get("data")).hasSize(2);
  }

  @Test
  void aCodesLimitPerCustomer_holdsTheCode_notItsCoupon() {
    post("/v1/coupons", "id=OPEN&percent_off=10&duration=forever");
    Map<String, Object> code = post("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=OPEN"
        + "&code=ONCEEACH&max_redemptions_per_customer=1");
    assertThat(code).containsEntry("max_redemptions_per_customer", 1);
    String customer = f.customer("name=c");
    String body = "customer=" + customer + "&amount=100&currency=usd&discounts[0][promotion_code]=" + code.get("id");
    assertThat(f.client.version(CLOVER).post("/v1/invoiceitems", body).status()).isEqualTo(200);
    assertThat(error(post("/v1/invoiceitems", body))).containsEntry("code", "coupon_customer_limit_reached")
        .containsEntry("param", "discounts[0][promotion_code]");
    // the coupon itself has no limit
    assertThat(f.client.version(CLOVER).post("/v1/invoiceitems", "customer=" + customer
        + "&amount=100&currency=usd&discounts[0][coupon]=OPEN").status()).isEqualTo(200);
    assertThat(error(post("/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=OPEN"
        + "&max_redemptions_per_customer=0"))).containsEntry("param", "max_redemptions_per_customer");
  }

  @Test
  void aLimitOfZero_aboveAThousand_orNotANumber_isRefused() {
    for (String limit : List.of("0", "1001", "abc", "-1")) {
      assertThat(error(post("/v1/coupons", "percent_off=10&max_redemptions_per_customer=" + limit)))
          .containsEntry("param", "max_redemptions_per_customer");
    }
    assertThat(post("/v1/coupons", "percent_off=10&max_redemptions_per_customer=1000"))
        .containsEntry("max_redemptions_per_customer", 1000);
  }
}

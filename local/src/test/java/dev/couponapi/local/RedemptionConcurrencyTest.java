package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.wire.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The heart of the product: caps hold however many redemptions race. 200 customers redeem at once
 * through the local API (64 handler threads, one DynamoDB Local); exactly the cap succeeds.
 */
class RedemptionConcurrencyTest {

  private static final int CUSTOMERS = 200;

  private final LocalApi api = new LocalApi();
  private final String key = api.keyFor(new Tenant("acct_rush", false));
  private final ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS);

  @AfterEach
  void stop() {
    pool.shutdownNow();
    api.close();
  }

  private List<HttpResponse<String>> all(List<Callable<HttpResponse<String>>> calls) throws Exception {
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (Future<HttpResponse<String>> future : pool.invokeAll(calls)) {
      responses.add(future.get());
    }
    return responses;
  }

  private List<String> freshCustomers() throws Exception {
    List<Callable<HttpResponse<String>>> creates = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      creates.add(() -> api.send("POST", "/v1/customers", key, "name=rush"));
    }
    return all(creates).stream().map(response -> (String) Json.readObject(response.body()).get("id")).toList();
  }

  private List<HttpResponse<String>> redeemAtOnce(List<String> customers, String body) throws Exception {
    List<Callable<HttpResponse<String>>> redemptions = new ArrayList<>();
    for (String customer : customers) {
      redemptions.add(() -> api.send("POST", "/v1/customers/" + customer, key, body));
    }
    return all(redemptions);
  }

  private long timesRedeemed(String path) {
    return ((Number) Json.readObject(api.send("GET", path, key, null).body()).get("times_redeemed")).longValue();
  }

  private long customersWithADiscount(List<String> customers) {
    return customers.stream()
        .filter(id -> Json.readObject(api.send("GET", "/v1/customers/" + id, key, null).body()).get("discount") != null)
        .count();
  }

  @SuppressWarnings("unchecked")
  private static void assertStripeRefusal(HttpResponse<String> response, String param) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    Map<String, Object> error = (Map<String, Object>) Json.readObject(response.body()).get("error");
    assertThat(error).containsEntry("type", "invalid_request_error").containsEntry("param", param);
  }

  @RepeatedTest(5)
  void twoHundredRedemptionsOfACouponCappedAtTwenty_exactlyTwentySucceed() throws Exception {
    assertThat(api.send("POST", "/v1/coupons", key, "id=RUSH20&percent_off=20&max_redemptions=20").statusCode())
        .isEqualTo(200);
    List<String> customers = freshCustomers();

    List<HttpResponse<String>> responses = redeemAtOnce(customers, "coupon=RUSH20");

    List<HttpResponse<String>> redeemed = responses.stream().filter(r -> r.statusCode() == 200).toList();
    List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() != 200).toList();
    assertThat(redeemed).hasSize(20);
    assertThat(refused).hasSize(180).allSatisfy(response -> {
      assertStripeRefusal(response, "coupon");
      assertThat(response.body()).contains("\"code\":\"coupon_expired\"");
    });
    assertThat(timesRedeemed("/v1/coupons/RUSH20")).isEqualTo(20);
    assertThat(customersWithADiscount(customers)).isEqualTo(20);
  }

  @RepeatedTest(5)
  void twoHundredRedemptionsOfAPromotionCodeCappedAtFifteen_exactlyFifteenSucceed() throws Exception {
    assertThat(api.send("POST", "/v1/coupons", key, "id=OPEN&percent_off=5").statusCode()).isEqualTo(200);
    String code = (String) Json.readObject(api.send("POST", "/v1/promotion_codes", key,
        "promotion[type]=coupon&promotion[coupon]=OPEN&code=RUSH15&max_redemptions=15").body()).get("id");
    List<String> customers = freshCustomers();

    List<HttpResponse<String>> responses = redeemAtOnce(customers, "promotion_code=" + code);

    assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(15);
    assertThat(responses.stream().filter(r -> r.statusCode() != 200)).hasSize(185)
        .allSatisfy(response -> assertStripeRefusal(response, "promotion_code"));
    assertThat(timesRedeemed("/v1/promotion_codes/" + code)).isEqualTo(15);
    assertThat(timesRedeemed("/v1/coupons/OPEN")).isEqualTo(15);
    assertThat(customersWithADiscount(customers)).isEqualTo(15);
  }
}

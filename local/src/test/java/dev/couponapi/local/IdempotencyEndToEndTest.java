package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Coupon;
import com.stripe.net.RequestOptions;
import com.stripe.param.CouponCreateParams;
import dev.couponapi.domain.Tenant;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idempotency keys through the local API: concurrent retries, and stripe-java's RequestOptions. */
class IdempotencyEndToEndTest {

  private final LocalApi api = new LocalApi();
  private final String key = api.keyFor(new Tenant("acct_retry", false));

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void fiftyConcurrentIdenticalRequests_createExactlyOneCoupon_eachAnswerIsTheOriginalOrA409() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(50);
    List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      requests.add(() -> api.send("POST", "/v1/coupons", key, "percent_off=30&duration=once",
          "Idempotency-Key", "checkout-42"));
    }
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (Future<HttpResponse<String>> future : pool.invokeAll(requests)) {
      responses.add(future.get());
    }
    pool.shutdown();

    assertThat(api.test.coupons()).hasSize(1);
    String id = api.test.coupons().get(0).get("id").s();
    List<HttpResponse<String>> created = responses.stream().filter(r -> r.statusCode() == 200).toList();
    List<HttpResponse<String>> busy = responses.stream().filter(r -> r.statusCode() == 409).toList();
    assertThat(created.size() + busy.size()).isEqualTo(50);
    assertThat(created).isNotEmpty().allSatisfy(r -> assertThat(r.body()).contains("\"id\":\"" + id + "\""));
    assertThat(created.stream().map(HttpResponse::body).distinct()).hasSize(1);
    assertThat(busy).allSatisfy(r -> assertThat(r.body()).contains("idempotency_key_in_use"));

    HttpResponse<String> afterwards = api.send("POST", "/v1/coupons", key, "percent_off=30&duration=once",
        "Idempotency-Key", "checkout-42");
    assertThat(afterwards.statusCode()).isEqualTo(200);
    assertThat(afterwards.body()).isEqualTo(created.get(0).body());
    assertThat(afterwards.headers().firstValue("Idempotent-Replayed")).contains("true");
  }

  @Test
  void stripeJava_setIdempotencyKey_aRetryReturnsTheSameCoupon() throws Exception {
    StripeClient stripe = StripeClient.builder().setApiKey(key).setApiBase(api.url()).build();
    CouponCreateParams params = CouponCreateParams.builder().setPercentOff(new BigDecimal("12.5")).build();
    RequestOptions options = RequestOptions.builder().setIdempotencyKey("order-1001").build();

    Coupon first = stripe.coupons().create(params, options);
    Coupon retried = stripe.coupons().create(params, options);

    assertThat(retried.getId()).isEqualTo(first.getId());
    assertThat(retried.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(first.getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(api.test.coupons()).hasSize(1);

    Coupon another = stripe.coupons().create(params, RequestOptions.builder().setIdempotencyKey("order-1002").build());
    assertThat(another.getId()).isNotEqualTo(first.getId());
    assertThat(api.test.coupons()).hasSize(2);
  }
}

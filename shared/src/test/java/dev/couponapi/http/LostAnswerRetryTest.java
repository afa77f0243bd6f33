package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.FaultInjector;
import dev.couponapi.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An update that redeems, whose transaction committed but whose answer was lost: the retry with
 * the same Idempotency-Key answers with the object as the write left it and redeems nothing again
 * (the transaction marked the key committed); later retries replay that answer.
 */
class LostAnswerRetryTest {

  private final DiscountFixture f = new DiscountFixture(TestApp.withShards(8));

  @Test
  void aCustomerUpdateWithACoupon_isRedeemedOnce_andTheRetryAnswersWithTheCustomerAsWritten() {
    f.coupon("id=ONCE&percent_off=10&max_redemptions=5");
    String customer = f.customer("name=x");
    f.test.faults.failNext("TransactWriteItems", FaultInjector.When.AFTER_WRITING);
    ApiResponse lost = f.client.version(CLOVER).header("Idempotency-Key", "k1").post("/v1/customers/" + customer,
        "coupon=ONCE");
    assertThat(lost.status()).isEqualTo(500);
    Map<String, Object> retry = TestApp.body(f.client.version(CLOVER).header("Idempotency-Key", "k1")
        .post("/v1/customers/" + customer, "coupon=ONCE"));
    assertThat(retry).containsEntry("id", customer).containsKey("discount");
    assertThat(TestApp.body(f.client.version(CLOVER).header("Idempotency-Key", "k1").post("/v1/customers/" + customer,
        "coupon=ONCE"))).isEqualTo(retry);
    assertThat(f.timesRedeemed("ONCE")).isEqualTo(1);
  }

  @Test
  void aSubscriptionUpdateWithADiscount_isRedeemedOnce_too() {
    f.coupon("id=SUB&percent_off=10");
    String customer = f.customer("name=y");
    String subscription = (String) TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions",
        "customer=" + customer
        + "&" + ITEM)).get("id");
    f.test.faults.failNext("TransactWriteItems", FaultInjector.When.AFTER_WRITING);
    assertThat(f.client.version(CLOVER).header("Idempotency-Key", "s1").post("/v1/subscriptions/" + subscription,
        "discounts[0][coupon]=SUB").status()).isEqualTo(500);
    Map<String, Object> retry = TestApp.body(f.client.version(CLOVER).header("Idempotency-Key", "s1")
        .post("/v1/subscriptions/" + subscription, "discounts[0][coupon]=SUB"));
    assertThat(retry).containsEntry("id", subscription);
    assertThat((java.util.List<?>) retry.get("discounts")).hasSize(1);
    assertThat(f.timesRedeemed("SUB")).isEqualTo(1);
  }

  @Test
  void whenTheTransactionNeverCommitted_theRetryRunsAnew_andRedeemsOnce() {
    f.coupon("id=RETRY&percent_off=10");
    String customer = f.customer("name=z");
    f.test.faults.failNext("TransactWriteItems", FaultInjector.When.BEFORE_SENDING);
    assertThat(f.client.version(CLOVER).header("Idempotency-Key", "k2").post("/v1/customers/" + customer,
        "coupon=RETRY").status()).isEqualTo(500);
    assertThat(f.client.version(CLOVER).header("Idempotency-Key", "k2").post("/v1/customers/" + customer,
        "coupon=RETRY").status()).isEqualTo(200);
    assertThat(f.timesRedeemed("RETRY")).isEqualTo(1);
  }
}

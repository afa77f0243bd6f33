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
    ApiResponse lost = f.send(f.customers.update(), "/v1/customers/" + customer, "coupon=ONCE", CLOVER,
        "Idempotency-Key", "k1");
    assertThat(lost.status()).isEqualTo(500);
    Map<String, Object> retry = f.post(f.customers.update(), "/v1/customers/" + customer, "coupon=ONCE", CLOVER,
        "Idempotency-Key", "k1");
    assertThat(retry).containsEntry("id", customer).containsKey("discount");
    assertThat(f.post(f.customers.update(), "/v1/customers/" + customer, "coupon=ONCE", CLOVER,
        "Idempotency-Key", "k1")).isEqualTo(retry);
    assertThat(f.timesRedeemed("ONCE")).isEqualTo(1);
  }

  @Test
  void aSubscriptionUpdateWithADiscount_isRedeemedOnce_too() {
    f.coupon("id=SUB&percent_off=10");
    String customer = f.customer("name=y");
    String subscription = (String) f.post(f.subscriptions.create(), "/v1/subscriptions", "customer=" + customer
        + "&" + ITEM, CLOVER).get("id");
    f.test.faults.failNext("TransactWriteItems", FaultInjector.When.AFTER_WRITING);
    assertThat(f.send(f.subscriptions.update(), "/v1/subscriptions/" + subscription, "discounts[0][coupon]=SUB",
        CLOVER, "Idempotency-Key", "s1").status()).isEqualTo(500);
    Map<String, Object> retry = f.post(f.subscriptions.update(), "/v1/subscriptions/" + subscription,
        "discounts[0][coupon]=SUB", CLOVER, "Idempotency-Key", "s1");
    assertThat(retry).containsEntry("id", subscription);
    assertThat((java.util.List<?>) retry.get("discounts")).hasSize(1);
    assertThat(f.timesRedeemed("SUB")).isEqualTo(1);
  }

  @Test
  void whenTheTransactionNeverCommitted_theRetryRunsAnew_andRedeemsOnce() {
    f.coupon("id=RETRY&percent_off=10");
    String customer = f.customer("name=z");
    f.test.faults.failNext("TransactWriteItems", FaultInjector.When.BEFORE_SENDING);
    assertThat(f.send(f.customers.update(), "/v1/customers/" + customer, "coupon=RETRY", CLOVER,
        "Idempotency-Key", "k2").status()).isEqualTo(500);
    assertThat(f.send(f.customers.update(), "/v1/customers/" + customer, "coupon=RETRY", CLOVER,
        "Idempotency-Key", "k2").status()).isEqualTo(200);
    assertThat(f.timesRedeemed("RETRY")).isEqualTo(1);
  }
}

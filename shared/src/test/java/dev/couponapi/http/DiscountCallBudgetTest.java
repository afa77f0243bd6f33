package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.ACACIA;
import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB calls per customer, subscription and discount operation (docs/design.md, "Call budgets"): applying a
 * coupon is one TransactWriteItems plus the reads it needs: its terms, and its shards for the count the
 * response shows.
 */
class DiscountCallBudgetTest {

  private final DiscountFixture f = new DiscountFixture();
  private String customer;
  private String subscription;
  private String code;

  @BeforeEach
  void setUp() {
    f.coupon("id=BUDGET&percent_off=10");
    code = (String) f.post(f.codes.create(), "/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=BUDGET", CLOVER).get("id");
    customer = f.customer("coupon=BUDGET");
    subscription = (String) f.post(f.subscriptions.create(), "/v1/subscriptions",
        "customer=" + customer + "&" + ITEM + "&discounts[0][coupon]=BUDGET", CLOVER).get("id");
    f.test.calls.reset();
  }

  private void assertCalls(String... operations) {
    assertThat(f.test.calls.operations()).containsExactly(operations);
  }

  @Test
  void createCustomerWithACoupon_readsTheCouponAndItsShards_thenOneTransaction() {
    f.customer("coupon=BUDGET");
    assertCalls("GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void createCustomerWithAPromotionCode_readsCodeCouponAndCouponShards_thenOneTransaction() {
    f.customer("promotion_code=" + code);
    assertCalls("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void createCustomerPlain_isOneTransactionOfOne() {
    f.customer("name=plain");
    assertCalls("TransactWriteItems");
  }

  @Test
  void retrieveCustomer_oneRead_plusItsCouponOnlyWhereTheShapeEmbedsIt() {
    f.get(f.customers.retrieve(), "/v1/customers/" + customer, CLOVER);
    assertCalls("GetItem");
    f.test.calls.reset();
    f.get(f.customers.retrieve(), "/v1/customers/" + customer, ACACIA);
    assertCalls("GetItem", "GetItem", "BatchGetItem");
  }

  @Test
  void updateCustomerFields_readsTheCustomerAndItsDiscountsCoupon_thenOneTransactionWithItsEvent() {
    f.post(f.customers.update(), "/v1/customers/" + customer, "name=new", CLOVER);
    assertCalls("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void applyingACouponToACustomer_readsCustomerCouponAndShards_thenOneTransactionWithItsEvents() {
    f.post(f.customers.update(), "/v1/customers/" + customer, "coupon=BUDGET", CLOVER);
    assertCalls("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void removingACustomersDiscount_readsItAndItsCoupon_thenOneTransactionWithItsEvents() {
    f.delete(f.customers.deleteDiscount(), "/v1/customers/" + customer + "/discount", CLOVER);
    assertCalls("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void createSubscriptionWithADiscount_readsCustomerCouponAndShards_thenOneTransaction() {
    f.post(f.subscriptions.create(), "/v1/subscriptions", "customer=" + customer + "&" + ITEM
        + "&discounts[0][coupon]=BUDGET", CLOVER);
    assertCalls("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void retrieveSubscription_isOneRead() {
    f.get(f.subscriptions.retrieve(), "/v1/subscriptions/" + subscription, CLOVER);
    assertCalls("GetItem");
  }

  @Test
  void removingASubscriptionsDiscounts_readsItAndTheirCoupon_thenOneTransactionWithItsEvents() {
    f.delete(f.subscriptions.deleteDiscount(), "/v1/subscriptions/" + subscription + "/discount", CLOVER);
    assertCalls("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void cancelingASubscription_readsItAndItsDiscountsCoupon_thenOneTransactionWithItsEvent() {
    f.delete(f.subscriptions.cancel(), "/v1/subscriptions/" + subscription, CLOVER);
    assertCalls("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void lists_areOneQuery_andOneReadOfThePage() {
    f.send(f.customers.list(), "/v1/customers", null, CLOVER);
    assertCalls("Query", "BatchGetItem");
    f.test.calls.reset();
    Map<String, Object> event = dev.couponapi.testing.TestApp.event("GET", "/v1/subscriptions", null, null,
        DiscountFixture.TENANT);
    event.put("queryStringParameters", Map.of("customer", customer));
    f.test.handle(f.subscriptions.list(), event);
    assertCalls("Query", "BatchGetItem");
  }
}

package dev.couponapi.http;

import dev.couponapi.testing.TestApp;
import static dev.couponapi.http.DiscountFixture.ACACIA;
import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static org.assertj.core.api.Assertions.assertThat;

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
    f.coupon("id=BUDGET&percent_off=10&duration=forever");
    code = (String) TestApp.body(f.client.version(CLOVER).post("/v1/promotion_codes",
        "promotion[type]=coupon&promotion[coupon]=BUDGET")).get("id");
    customer = f.customer("coupon=BUDGET");
    subscription = (String) TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions",
        "customer=" + customer + "&" + ITEM + "&discounts[0][coupon]=BUDGET")).get("id");
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
    TestApp.body(f.client.version(CLOVER).get("/v1/customers/" + customer));
    assertCalls("GetItem");
    f.test.calls.reset();
    TestApp.body(f.client.version(ACACIA).get("/v1/customers/" + customer));
    assertCalls("GetItem", "GetItem", "BatchGetItem");
  }

  @Test
  void updateCustomerFields_readsTheCustomerAndItsDiscountsCoupon_thenOneTransactionWithItsEvent() {
    TestApp.body(f.client.version(CLOVER).post("/v1/customers/" + customer, "name=new"));
    assertCalls("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void applyingACouponToACustomer_readsCustomerCouponAndShards_thenOneTransactionWithItsEvents() {
    TestApp.body(f.client.version(CLOVER).post("/v1/customers/" + customer, "coupon=BUDGET"));
    assertCalls("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void removingACustomersDiscount_readsItAndItsCoupon_thenOneTransactionWithItsEvents() {
    TestApp.body(f.client.version(CLOVER).delete("/v1/customers/" + customer + "/discount"));
    assertCalls("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void createSubscriptionWithADiscount_readsCustomerCouponAndShards_thenOneTransaction() {
    TestApp.body(f.client.version(CLOVER).post("/v1/subscriptions", "customer=" + customer + "&" + ITEM
        + "&discounts[0][coupon]=BUDGET"));
    assertCalls("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void retrieveSubscription_isOneRead() {
    TestApp.body(f.client.version(CLOVER).get("/v1/subscriptions/" + subscription));
    assertCalls("GetItem");
  }

  @Test
  void removingASubscriptionsDiscounts_readsItAndTheirCoupon_thenOneTransactionWithItsEvents() {
    TestApp.body(f.client.version(CLOVER).delete("/v1/subscriptions/" + subscription + "/discount"));
    assertCalls("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void cancelingASubscription_readsItAndItsDiscountsCoupon_thenOneTransactionWithItsEvent() {
    TestApp.body(f.client.version(CLOVER).delete("/v1/subscriptions/" + subscription));
    assertCalls("GetItem", "GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void lists_areOneQuery_andOneReadOfThePage() {
    f.client.version(CLOVER).get("/v1/customers");
    assertCalls("Query", "BatchGetItem");
    f.test.calls.reset();
    f.client.get("/v1/subscriptions?customer=" + customer);
    assertCalls("Query", "BatchGetItem");
  }
}

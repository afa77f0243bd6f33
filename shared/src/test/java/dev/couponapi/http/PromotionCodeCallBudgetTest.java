package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.TestApp;
import dev.couponapi.testing.TestClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DynamoDB calls per promotion-code operation, counted (docs/design.md, "Call budgets"). */
class PromotionCodeCallBudgetTest {

  private static final String ACACIA = PromotionCodeFixture.ACACIA;
  private static final String CLOVER = PromotionCodeFixture.CLOVER;

  private final PromotionCodeFixture fixture = new PromotionCodeFixture();
  private final TestApp test = fixture.test;
  private final TestClient client = fixture.client;
  private String id;

  @BeforeEach
  void aCode() {
    test.seedCustomer(PromotionCodeFixture.TENANT, "cus_1");
    id = (String) create("coupon=TEN&code=BUDGET", ACACIA).get("id");
    test.calls.reset();
  }

  private Map<String, Object> create(String body, String version) {
    return fixture.create(body, version);
  }

  @Test
  void create_readsTheCouponAndItsShards_thenOneTransaction() {
    create("coupon=TEN&code=ONE", ACACIA);
    assertThat(test.calls.operations()).containsExactly("GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void create_forACustomer_readsTheCustomerToo() {
    create("coupon=TEN&code=TWO&customer=cus_1", ACACIA);
    assertThat(test.calls.operations()).containsExactly("GetItem", "BatchGetItem", "GetItem", "TransactWriteItems");
  }

  @Test
  void retrieve_readsTheCodeAndItsCoupon_eachWithItsShards() {
    client.version(ACACIA).get("/v1/promotion_codes/" + id);
    assertThat(test.calls.operations()).containsExactly("GetItem", "BatchGetItem", "GetItem", "BatchGetItem");
  }

  @Test
  void updateOfMetadata_readsTheCodeAndCouponWithShards_thenOneTransactionWithItsEvent() {
    client.version(ACACIA).post("/v1/promotion_codes/" + id, "metadata[k]=v");
    assertThat(test.calls.operations()).containsExactly("GetItem", "BatchGetItem", "GetItem", "BatchGetItem",
        "TransactWriteItems");
  }

  @Test
  void switchingOff_readsTheCodeAndCouponWithShards_thenOneTransaction() {
    client.version(ACACIA).post("/v1/promotion_codes/" + id, "active=false");
    assertThat(test.calls.operations()).containsExactly("GetItem", "BatchGetItem", "GetItem", "BatchGetItem",
        "TransactWriteItems");
  }

  @Test
  void list_isOneQuery_readsOfThePageAndItsShards_andOneBatchReadOfTheCouponsAndTheirs() {
    client.version(ACACIA).send("GET", "/v1/promotion_codes", "limit=10");
    assertThat(test.calls.operations()).containsExactly("Query", "BatchGetItem", "BatchGetItem", "BatchGetItem",
        "BatchGetItem");
    test.calls.reset();
    client.version(ACACIA).send("GET", "/v1/promotion_codes", "code=budget");
    assertThat(test.calls.operations()).containsExactly("Query", "BatchGetItem", "BatchGetItem", "BatchGetItem",
        "BatchGetItem");
  }

  @Test
  void rejectedInput_makesNoCall() {
    client.version(ACACIA).post("/v1/promotion_codes", "coupon=TEN&code=bad%20code");
    client.version(CLOVER).post("/v1/promotion_codes", "coupon=TEN");
    client.version(ACACIA).post("/v1/promotion_codes/" + id, "code=NEW");
    client.version(ACACIA).get("/v1/promotion_codes/a%2Fb");
    assertThat(test.calls.operations()).isEmpty();
  }
}

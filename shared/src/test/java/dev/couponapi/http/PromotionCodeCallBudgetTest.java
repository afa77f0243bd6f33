package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DynamoDB calls per promotion-code operation, counted (ENGINEERING.md §5). */
class PromotionCodeCallBudgetTest {

  private static final String ACACIA = PromotionCodeFixture.ACACIA;
  private static final String CLOVER = PromotionCodeFixture.CLOVER;

  private final PromotionCodeFixture fixture = new PromotionCodeFixture();
  private final TestApp test = fixture.test;
  private final PromotionCodeOperations codes = fixture.codes;
  private String id;

  @BeforeEach
  void aCode() {
    test.seedCustomer(PromotionCodeFixture.TENANT, "cus_1");
    id = (String) create("coupon=TEN&code=BUDGET", ACACIA).get("id");
    test.calls.reset();
  }

  private ApiResponse send(Operation operation, String method, String path, String id, String body, String version) {
    return fixture.send(operation, method, path, id, body, version);
  }

  private Map<String, Object> create(String body, String version) {
    return fixture.create(body, version);
  }

  @Test
  void create_readsTheCoupon_thenOneTransaction() {
    create("coupon=TEN&code=ONE", ACACIA);
    assertThat(test.calls.operations()).containsExactly("GetItem", "TransactWriteItems");
  }

  @Test
  void create_forACustomer_readsTheCustomerToo() {
    create("coupon=TEN&code=TWO&customer=cus_1", ACACIA);
    assertThat(test.calls.operations()).containsExactly("GetItem", "GetItem", "TransactWriteItems");
  }

  @Test
  void retrieve_readsTheCodeAndItsCoupon() {
    send(codes.retrieve(), "GET", "/v1/promotion_codes/" + id, id, null, ACACIA);
    assertThat(test.calls.operations()).containsExactly("GetItem", "GetItem");
  }

  @Test
  void updateOfMetadata_isOneUpdate_plusItsCouponForTheResponse() {
    send(codes.update(), "POST", "/v1/promotion_codes/" + id, id, "metadata[k]=v", ACACIA);
    assertThat(test.calls.operations()).containsExactly("UpdateItem", "GetItem");
  }

  @Test
  void switchingOff_readsTheCodeAndCoupon_thenOneTransaction() {
    send(codes.update(), "POST", "/v1/promotion_codes/" + id, id, "active=false", ACACIA);
    assertThat(test.calls.operations()).containsExactly("GetItem", "GetItem", "TransactWriteItems");
  }

  @Test
  void list_isOneQuery_andOneBatchReadOfTheCoupons() {
    send(codes.list(), "GET", "/v1/promotion_codes", null, "limit=10", ACACIA);
    assertThat(test.calls.operations()).containsExactly("Query", "BatchGetItem");
    test.calls.reset();
    send(codes.list(), "GET", "/v1/promotion_codes", null, "code=budget", ACACIA);
    assertThat(test.calls.operations()).containsExactly("Query", "BatchGetItem");
  }

  @Test
  void rejectedInput_makesNoCall() {
    send(codes.create(), "POST", "/v1/promotion_codes", null, "coupon=TEN&code=bad%20code", ACACIA);
    send(codes.create(), "POST", "/v1/promotion_codes", null, "coupon=TEN", CLOVER);
    send(codes.update(), "POST", "/v1/promotion_codes/" + id, id, "code=NEW", ACACIA);
    send(codes.retrieve(), "GET", "/v1/promotion_codes/x", "a/b", null, ACACIA);
    assertThat(test.calls.operations()).isEmpty();
  }
}

package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestClient;
import dev.couponapi.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DynamoDB call budgets of docs/design.md, "Call budgets", per coupon operation, counted by an interceptor. */
class CouponCallBudgetTest {

  private static final Tenant TENANT = new Tenant("acct_budget", false);

  private TestApp test;
  private TestClient client;

  @BeforeEach
  void setUp() {
    test = new TestApp();
    client = test.client(TENANT);
    client.post("/v1/coupons", "id=EXISTING&percent_off=10");
    client.post("/v1/coupons", "id=OTHER&percent_off=20");
    test.calls.reset();
  }

  @Test
  void create_isOneTransaction_theCouponAndItsCounterShards() {
    assertThat(client.post("/v1/coupons", "percent_off=5").status()).isEqualTo(200);
    assertThat(test.calls.operations()).containsExactly("TransactWriteItems");
  }

  @Test
  void create_withAGeneratedOrCustomId_isOneTransaction_andATakenIdToo() {
    assertThat(client.post("/v1/coupons", "id=NEW&percent_off=5").status()).isEqualTo(200);
    assertThat(client.post("/v1/coupons", "id=NEW&percent_off=5").status()).isEqualTo(400);
    assertThat(test.calls.operations()).containsExactly("TransactWriteItems", "TransactWriteItems");
  }

  @Test
  void retrieve_isOneGetItem_andOneReadOfItsShards() {
    assertThat(client.get("/v1/coupons/EXISTING").status()).isEqualTo(200);
    assertThat(test.calls.operations()).containsExactly("GetItem", "BatchGetItem");
  }

  @Test
  void update_readsTheCouponAndItsCount_thenOneTransaction_theCouponAndItsEvent() {
    assertThat(client.post("/v1/coupons/EXISTING", "name=x&metadata[a]=1").status())
        .isEqualTo(200);
    assertThat(test.calls.operations()).containsExactly("GetItem", "BatchGetItem", "TransactWriteItems");
    var items = ((software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest) test.calls.requests()
        .get(2))
        .transactItems();
    assertThat(items).hasSize(2);
    assertThat(items.get(0).update().key().get("pk").s()).endsWith("#coupon#EXISTING");
    assertThat(items.get(1).put().item().get("type").s()).isEqualTo("coupon.updated");
  }

  @Test
  void update_ofAMissingCoupon_isOneRead() {
    assertThat(client.post("/v1/coupons/NOPE", "name=x").status()).isEqualTo(404);
    assertThat(test.calls.operations()).containsExactly("GetItem");
  }

  @Test
  void delete_readsTheRevisionAndCount_thenOneTransactionThatClosesTheShards_withItsEvent() {
    assertThat(client.delete("/v1/coupons/EXISTING").status()).isEqualTo(200);
    assertThat(test.calls.operations()).containsExactly("GetItem", "BatchGetItem", "TransactWriteItems");
    var items = ((software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest) test.calls.requests()
        .get(2))
        .transactItems();
    assertThat(items.get(items.size() - 1).put().item().get("type").s()).isEqualTo("coupon.deleted");
  }

  @Test
  void list_isOneQuery_oneReadOfThePage_oneOfItsShards_andACursorAddsItsGetItem() {
    assertThat(client.get("/v1/coupons").status()).isEqualTo(200);
    assertThat(test.calls.operations()).containsExactly("Query", "BatchGetItem", "BatchGetItem");
    test.calls.reset();
    assertThat(client.get("/v1/coupons?starting_after=OTHER").status()).isEqualTo(200);
    assertThat(test.calls.operations()).containsExactly("GetItem", "Query", "BatchGetItem", "BatchGetItem");
  }

  @Test
  void rejectedInput_makesNoCallAtAll() {
    client.post("/v1/coupons", "percent_off=abc");
    client.post("/v1/coupons", "foo=1");
    client.get("/v1/coupons/a%2Fb");
    client.get("/v1/coupons/" + "x".repeat(5000));
    client.post("/v1/coupons/EXISTING", "percent_off=5");
    assertThat(test.calls.operations()).isEmpty();
  }
}

package dev.couponapi.http;

import static dev.couponapi.http.DiscountFixture.CLOVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DynamoDB calls per promotion-code batch operation and per worker run, counted (docs/design.md, "Call budgets"). */
class PromotionCodeBatchCallBudgetTest {

  private final DiscountFixture f = new DiscountFixture();
  private String id;

  @BeforeEach
  void aBatchOfSeventyCodes() {
    f.coupon("id=BUDGET&percent_off=10");
    id = create("count=70&max_redemptions=1");
    f.test.calls.reset();
  }

  private String create(String terms) {
    return (String) TestApp.body(f.client.version(CLOVER).post("/v1/promotion_code_batches",
        "promotion[type]=coupon&promotion[coupon]=BUDGET&" + terms)).get("id");
  }

  @Test
  void create_readsTheCouponAndItsShards_thenOneTransaction() {
    create("count=5");
    assertThat(f.test.calls.operations()).containsExactly("GetItem", "BatchGetItem", "TransactWriteItems");
  }

  @Test
  void retrieve_isOneRead_andListOneQueryAndOneBatchRead() {
    TestApp.body(f.client.version(CLOVER).get("/v1/promotion_code_batches/" + id));
    assertThat(f.test.calls.operations()).containsExactly("GetItem");
    f.test.calls.reset();
    TestApp.body(f.client.version(CLOVER).get("/v1/promotion_code_batches"));
    assertThat(f.test.calls.operations()).containsExactly("Query", "BatchGetItem");
  }

  @Test
  void aWorkerRun_readsTheBatchAndItsCoupon_thenOneTransactionPerChunkOf32() {
    f.test.runBatches();
    List<String> expected = new ArrayList<>(List.of("GetItem", "GetItem", "BatchGetItem"));
    expected.addAll(List.of("TransactWriteItems", "TransactWriteItems", "TransactWriteItems"));
    assertThat(f.test.calls.operations()).isEqualTo(expected);
  }

  @Test
  void aWorkerPacedToSmallWrites_commitsTwoSingleUseCodesATransaction_andAsksBeforeEachChunk() {
    List<dev.couponapi.domain.Tenant> asked = new ArrayList<>();
    f.test.app.batchService().pacedBy(tenant -> {
      asked.add(tenant);
      return 12; // serve's size while requests come: 3 items of the chunk, 4 of each single-use code
    });

    f.test.runBatches();

    List<String> operations = f.test.calls.operations();
    assertThat(operations.stream().filter("TransactWriteItems"::equals)).hasSize(35);
    assertThat(asked).hasSize(35).containsOnly(DiscountFixture.TENANT);
  }

  @Test
  void aCsvPage_readsTheBatch_thenPerHundredCodesOneQueryAndTheBatchReadsOfAPromotionCodeList() {
    f.test.runBatches();
    f.test.calls.reset();
    ApiResponse csv = f.client.version(CLOVER).get("/v1/promotion_code_batches/" + id + "/codes.csv?limit=50");
    assertThat(csv.bodyText().lines()).hasSize(51);
    // the codes, their shards, their coupon and its shards
    assertThat(f.test.calls.operations()).containsExactly("GetItem", "Query", "BatchGetItem", "BatchGetItem",
        "BatchGetItem", "BatchGetItem");
  }

  @Test
  void rejectedInput_makesNoCall() {
    var queued = f.test.batchQueue.jobs();
    f.client.version(CLOVER).post("/v1/promotion_code_batches",
        "promotion[type]=coupon&promotion[coupon]=BUDGET&count=0");
    f.client.version(CLOVER).post("/v1/promotion_code_batches",
        "promotion[type]=coupon&promotion[coupon]=BUDGET&count=5&prefix=a-b");
    f.client.version(CLOVER).get("/v1/promotion_code_batches/a%2Fb");
    f.client.version(CLOVER).get("/v1/promotion_code_batches/" + id + "/codes.csv?limit=10001");
    assertThat(f.test.calls.operations()).isEmpty();
    assertThat(f.test.batchQueue.jobs()).isEqualTo(queued);
  }
}

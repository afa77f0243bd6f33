package dev.couponapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The escrow shards' items and conditions, exactly as they are sent. */
class CounterShardsTest {

  private static final Tenant TENANT = new Tenant("acct_1", false);
  private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  private final CounterShards shards = new CounterShards("table");

  @Test
  void aCapIsSpreadAsEvenlyAsItGoes_andTheUnitsAddUpToIt() {
    List<TransactWriteItem> puts = shards.create(TENANT, CounterShards.Counter.ofCoupon("r1", 8), 1003L, 0,
        new CounterShards.Terms(true, 1_900_000_000L, null));
    List<Long> left = puts.stream().map(put -> Long.parseLong(put.put().item().get("left").n())).toList();
    assertThat(left).containsExactly(126L, 126L, 126L, 125L, 125L, 125L, 125L, 125L);
    assertThat(left.stream().mapToLong(Long::longValue).sum()).isEqualTo(1003);
    assertThat(puts).allSatisfy(put -> {
      assertThat(put.put().conditionExpression()).isEqualTo("attribute_not_exists(pk)");
      assertThat(put.put().item()).containsEntry("used", Attr.n(0)).containsEntry("open", Attr.bool(true))
          .containsEntry("until", Attr.n(1_900_000_000L)).doesNotContainKeys("customer", "gsi1pk", "gsi1sk",
              "gsi2pk", "gsi3pk", "gsi4pk", "gsi5pk", "gsi6pk", "gsi6sk");
    });
    assertThat(puts.get(3).put().item().get("pk").s()).isEqualTo("acct_1#test#ctr#coupon_r1#3");
  }

  @Test
  void anUncappedCounter_hasNoLeft_andUsedAlreadySpentSitsOnShardZero() {
    List<TransactWriteItem> puts = shards.create(TENANT, CounterShards.Counter.ofPromotionCode("promo_1", 4), null,
        7, new CounterShards.Terms(false, null, "cus_1"));
    assertThat(puts).extracting(put -> put.put().item().get("used").n()).containsExactly("7", "0", "0", "0");
    assertThat(puts).allSatisfy(put -> assertThat(put.put().item()).doesNotContainKeys("left", "until")
        .containsEntry("open", Attr.bool(false)).containsEntry("customer", Attr.s("cus_1")));
  }

  @Test
  void aTakeFromACappedShard_mustBeOpen_haveTheUnits_beBeforeItsDate_andForThisCustomer() {
    var update = shards.take(TENANT, CounterShards.Counter.ofPromotionCode("promo_1", 8), 5, 2, true, "cus_1", NOW)
        .update();
    assertThat(update.key().get("pk").s()).isEqualTo("acct_1#test#ctr#promo_1#5");
    assertThat(update.updateExpression()).isEqualTo("SET #used = #used + :amount, #left = #left - :amount");
    assertThat(update.conditionExpression()).isEqualTo("#open = :true AND #left >= :amount "
        + "AND (attribute_not_exists(#until) OR #until > :now) "
        + "AND (attribute_not_exists(#customer) OR #customer = :customer)");
    assertThat(update.expressionAttributeValues()).containsEntry(":amount", Attr.n(2))
        .containsEntry(":now", Attr.n(NOW.getEpochSecond())).containsEntry(":customer", Attr.s("cus_1"));
    assertThat(update.returnValuesOnConditionCheckFailureAsString()).isEqualTo("ALL_OLD");
  }

  @Test
  void aTakeFromAnUncappedShard_countsWithoutALeft() {
    var update = shards.take(TENANT, CounterShards.Counter.ofCoupon("r1", 8), 0, 1, false, null, NOW).update();
    assertThat(update.updateExpression()).isEqualTo("SET #used = #used + :amount");
    assertThat(update.conditionExpression()).isEqualTo("#open = :true "
        + "AND (attribute_not_exists(#until) OR #until > :now) "
        + "AND (attribute_not_exists(#customer) OR #customer = :customer)");
  }

  @Test
  void closingACounter_updatesEveryShard_thatExists() {
    List<TransactWriteItem> updates = shards.setOpen(TENANT, CounterShards.Counter.ofCoupon("r1", 3), false);
    assertThat(updates).hasSize(3).allSatisfy(item -> {
      assertThat(item.update().updateExpression()).isEqualTo("SET #open = :open");
      assertThat(item.update().conditionExpression()).isEqualTo("attribute_exists(pk)");
      assertThat(item.update().expressionAttributeValues()).containsEntry(":open", Attr.bool(false));
    });
  }

  @Test
  void shardCount_isTheConfiguredOne_boundedByTheCapAndTheMaximum() {
    assertThat(CounterShards.shardCount(null, 8)).isEqualTo(8);
    assertThat(CounterShards.shardCount(3L, 8)).isEqualTo(3);
    assertThat(CounterShards.shardCount(1000L, 64)).isEqualTo(64);
    assertThat(CounterShards.shardCount(1000L, 500)).isEqualTo(CounterShards.MAX_SHARDS);
    assertThat(CounterShards.shardCount(1000L, 0)).isEqualTo(1);
  }

  @Test
  void allotments_alwaysSumToTheUnits() {
    for (int n = 1; n <= 64; n++) {
      int shardCount = n;
      for (long units : new long[] {0, 1, 5, 63, 64, 65, 1000, 99_999}) {
        assertThat(IntStream.range(0, shardCount).mapToLong(s -> CounterShards.allotment(units, shardCount, s)).sum())
            .isEqualTo(units);
      }
    }
  }
}

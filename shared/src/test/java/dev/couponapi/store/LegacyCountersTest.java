package dev.couponapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The counter updates of objects stored before sharding: the conditions they have always had. */
class LegacyCountersTest {

  private static final Tenant TENANT = new Tenant("acct_1", false);
  private final LegacyCounters counters = new LegacyCounters("table");

  @Test
  void aCappedCouponWithADeadline_mustBeLiveThisRevision_withRoom_beforeRedeemBy() {
    var update = counters.coupon(TENANT, new Redemption.Count("C", "rev1", CounterShards.Counter.ofCoupon("rev1", 0),
        20L, 1_900_000_000L, "cus_1", 2, null), Instant.ofEpochSecond(1_800_000_000L)).update();
    assertThat(update.updateExpression()).isEqualTo("SET #times = #times + :count");
    assertThat(update.conditionExpression()).isEqualTo("attribute_exists(pk) AND attribute_not_exists(#deleted) "
        + "AND #rev = :rev AND #times <= :room AND #redeemBy > :now");
    assertThat(update.expressionAttributeValues().get(":room").n()).isEqualTo("18");
    assertThat(update.expressionAttributeValues().get(":count").n()).isEqualTo("2");
  }

  @Test
  void aPromotionCode_mustBeOn_withRoom_forThisCustomer_unexpired() {
    var update = counters.code(TENANT, new Redemption.Count("promo_1", null,
        CounterShards.Counter.ofPromotionCode("promo_1", 0), 15L, 1_900_000_000L, "cus_1", 1, null),
        Instant.ofEpochSecond(1_800_000_000L)).update();
    assertThat(update.conditionExpression()).isEqualTo("attribute_exists(pk) AND #active = :true "
        + "AND #times <= :room AND (attribute_not_exists(#customer) OR #customer = :customer) AND #expires > :now");
  }
}

package dev.couponapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The conditions that keep caps, deadlines and restrictions, exactly as a redemption sends them. */
class RedemptionCountsTest {

  private static final Tenant TENANT = new Tenant("acct_x", false);
  private final RedemptionCounts counts = new RedemptionCounts("table");

  @Test
  void aCappedCouponWithADeadline_mustBeLiveThisRevision_withRoom_beforeRedeemBy() {
    List<TransactWriteItem> items = counts.couponItems(TENANT,
        List.of(new RedemptionCounts.CouponCount("C", "rev1", 20L, 1_900_000_000L, 2)),
        Instant.ofEpochSecond(1_800_000_000L));
    var update = items.get(0).update();
    assertThat(update.updateExpression()).isEqualTo("SET #times = #times + :count");
    assertThat(update.conditionExpression()).isEqualTo("attribute_exists(pk) AND attribute_not_exists(#deleted) "
        + "AND #rev = :rev AND #times <= :room AND #redeemBy > :now");
    assertThat(update.expressionAttributeValues().get(":room").n()).isEqualTo("18");
    assertThat(update.expressionAttributeValues().get(":count").n()).isEqualTo("2");
  }

  @Test
  void aPromotionCode_mustBeOn_withRoom_forThisCustomer_unexpired() {
    List<TransactWriteItem> items = counts.codeItems(TENANT,
        List.of(new RedemptionCounts.PromotionCodeCount("promo_1", 15L, 1_900_000_000L, "cus_1", 1)),
        Instant.ofEpochSecond(1_800_000_000L));
    assertThat(items.get(0).update().conditionExpression()).isEqualTo("attribute_exists(pk) AND #active = :true "
        + "AND #times <= :room AND (attribute_not_exists(#customer) OR #customer = :customer) AND #expires > :now");
  }
}

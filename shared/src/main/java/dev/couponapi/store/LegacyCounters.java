package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The counter of a coupon or promotion code stored before counters were sharded: its
 * {@code times_redeemed} on its own item, raised in the redemption's transaction under the
 * conditions that held then (docs/design.md, "Hot codes"). Such an object keeps counting this way;
 * every object created since has escrow shards ({@link CounterShards}).
 */
final class LegacyCounters {

  private final String tableName;

  LegacyCounters(String tableName) {
    this.tableName = tableName;
  }

  /** The coupon must be live, this revision, before its redeem_by, with room for {@code count} more. */
  TransactWriteItem coupon(Tenant tenant, Redemption.Count coupon, Instant now) {
    UpdateExpression update = counter(coupon.count())
        .name("#deleted", CouponMapper.DELETED_AT).name("#rev", CouponMapper.REV).value(":rev", Attr.s(coupon.rev()))
        .condition(CouponMapper.LIVE_REVISION);
    room(update, coupon.maxRedemptions(), coupon.count());
    if (coupon.until() != null) {
      update.name("#redeemBy", CouponMapper.REDEEM_BY).value(":now", Attr.n(now.getEpochSecond()))
          .condition("#redeemBy > :now");
    }
    return TransactWriteItem.builder().update(update.transactionUpdate(tableName,
        Map.of(Table.PK, Attr.s(ObjectType.COUPON.key(tenant, coupon.id()))))).build();
  }

  /**
   * The code must be switched on, not expired, with room for {@code count} more, and restricted to
   * no customer or to {@code customer}, the one redeeming.
   */
  TransactWriteItem code(Tenant tenant, Redemption.Count code, Instant now) {
    UpdateExpression update = counter(code.count())
        .name("#active", PromotionCodeMapper.ACTIVE).value(":true", Attr.bool(true))
        .condition("#active = :true");
    room(update, code.maxRedemptions(), code.count());
    update.name("#customer", PromotionCodeMapper.CUSTOMER).value(":customer", Attr.s(code.customer()))
        .condition("(attribute_not_exists(#customer) OR #customer = :customer)");
    if (code.until() != null) {
      update.name("#expires", PromotionCodeMapper.EXPIRES_AT).value(":now", Attr.n(now.getEpochSecond()))
          .condition("#expires > :now");
    }
    return TransactWriteItem.builder().update(update.transactionUpdate(tableName,
        Map.of(Table.PK, Attr.s(ObjectType.PROMOTION_CODE.key(tenant, code.id()))))).build();
  }

  private static UpdateExpression counter(int count) {
    return new UpdateExpression().name("#times", CouponMapper.TIMES_REDEEMED).value(":count", Attr.n(count))
        .set("#times = #times + :count").condition("attribute_exists(" + Table.PK + ")");
  }

  private static void room(UpdateExpression update, Long maxRedemptions, int count) {
    if (maxRedemptions != null) {
      update.value(":room", Attr.n(maxRedemptions - count)).condition("#times <= :room");
    }
  }
}

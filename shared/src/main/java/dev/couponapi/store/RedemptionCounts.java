package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The counters a redemption moves (docs/api.md §4.4): each coupon's and promotion code's
 * {@code times_redeemed}, raised by the number of discounts made from it, in the same transaction
 * as the discounts' holder. The conditions are what keeps a cap from being oversold however many
 * Lambdas redeem at once. {@code max_redemptions}, {@code redeem_by} and {@code expires_at} never
 * change, so "room for n more" is {@code times_redeemed <= max - n}.
 */
public final class RedemptionCounts {

  /** The coupon must be live, this revision, before its redeem_by, with room for {@code count} more. */
  public record CouponCount(String couponId, String rev, Long maxRedemptions, Long redeemBy, int count) {}

  /**
   * The code must be switched on, not expired, with room for {@code count} more, and restricted to
   * no customer or to {@code customer}, the one redeeming.
   */
  public record PromotionCodeCount(String id, Long maxRedemptions, Long expiresAt, String customer, int count) {}

  private final String tableName;

  public RedemptionCounts(String tableName) {
    this.tableName = tableName;
  }

  /** The coupons' counter updates, in the order given. */
  List<TransactWriteItem> couponItems(Tenant tenant, List<CouponCount> coupons, Instant now) {
    List<TransactWriteItem> items = new ArrayList<>();
    for (CouponCount coupon : coupons) {
      UpdateExpression update = counter(coupon.count())
          .name("#deleted", CouponMapper.DELETED_AT).name("#rev", CouponMapper.REV).value(":rev", Attr.s(coupon.rev()))
          .condition(CouponMapper.LIVE_REVISION);
      room(update, coupon.maxRedemptions(), coupon.count());
      if (coupon.redeemBy() != null) {
        update.name("#redeemBy", CouponMapper.REDEEM_BY).value(":now", Attr.n(now.getEpochSecond()))
            .condition("#redeemBy > :now");
      }
      items.add(TransactWriteItem.builder().update(update.transactionUpdate(tableName,
          Map.of(Table.PK, Attr.s(ObjectType.COUPON.key(tenant, coupon.couponId()))))).build());
    }
    return items;
  }

  /** The promotion codes' counter updates, in the order given. */
  List<TransactWriteItem> codeItems(Tenant tenant, List<PromotionCodeCount> codes, Instant now) {
    List<TransactWriteItem> items = new ArrayList<>();
    for (PromotionCodeCount code : codes) {
      UpdateExpression update = counter(code.count())
          .name("#active", PromotionCodeMapper.ACTIVE).value(":true", Attr.bool(true))
          .condition("#active = :true");
      room(update, code.maxRedemptions(), code.count());
      update.name("#customer", PromotionCodeMapper.CUSTOMER).value(":customer", Attr.s(code.customer()))
          .condition("(attribute_not_exists(#customer) OR #customer = :customer)");
      if (code.expiresAt() != null) {
        update.name("#expires", PromotionCodeMapper.EXPIRES_AT).value(":now", Attr.n(now.getEpochSecond()))
            .condition("#expires > :now");
      }
      items.add(TransactWriteItem.builder().update(update.transactionUpdate(tableName,
          Map.of(Table.PK, Attr.s(ObjectType.PROMOTION_CODE.key(tenant, code.id()))))).build());
    }
    return items;
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

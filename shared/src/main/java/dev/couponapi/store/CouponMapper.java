package dev.couponapi.store;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponDuration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place that knows how a coupon is laid out as a DynamoDB item. */
final class CouponMapper {

  static final String TYPE = "coupon";

  static final String ID = "id";
  static final String REV = "rev";
  static final String CREATED = "created";
  static final String PERCENT_OFF = "percent_off";
  static final String AMOUNT_OFF = "amount_off";
  static final String CURRENCY = "currency";
  static final String CURRENCY_OPTIONS = "currency_options";
  static final String DURATION = "duration";
  static final String DURATION_IN_MONTHS = "duration_in_months";
  static final String MAX_REDEMPTIONS = "max_redemptions";
  /** The extension's limit per customer (absent: none). */
  static final String MAX_PER_CUSTOMER = "max_redemptions_per_customer";
  static final String REDEEM_BY = "redeem_by";
  static final String NAME = "name";
  static final String METADATA = MetadataUpdate.ATTRIBUTE;
  static final String APPLIES_TO = "applies_to_products";
  /** The count of a coupon stored before counters were sharded; read, never written. */
  static final String TIMES_REDEEMED = "times_redeemed";
  /** How many escrow shards count this coupon's redemptions ({@link CounterShards}); absent before sharding. */
  static final String SHARDS = "shards";
  static final String DELETED_AT = ObjectTable.DELETED_AT;
  static final String LIVEMODE = "livemode";
  static final String ENTITY = "entity";
  /** Set by the expiry sweep: the stored state says what {@code valid} computes (docs/api.md §2.7). */
  static final String VALID = "valid";
  /** Where the sweep goes on through an expired coupon's codes (a code's list key), while it is not done. */
  static final String SWEEP_AFTER = "sweep_after";

  /** The condition on a coupon that a write depending on one live revision of it puts: {@code #deleted}, {@code #rev}, {@code :rev}. */
  static final String LIVE_REVISION = "attribute_not_exists(#deleted) AND #rev = :rev";

  private CouponMapper() {}

  /**
   * The item of a live coupon. {@code rev} tells apart a coupon from an earlier, deleted coupon
   * with the same id; {@code listKey} places it in the newest-first index.
   */
  static Map<String, AttributeValue> toItem(String pk, String gsi1pk, String listKey, String rev, int shards,
      Coupon coupon) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(pk));
    item.put(Table.GSI1_PK, Attr.s(gsi1pk));
    item.put(Table.GSI1_SK, Attr.s(listKey));
    item.put(ENTITY, Attr.s(TYPE));
    item.put(ID, Attr.s(coupon.id()));
    item.put(REV, Attr.s(rev));
    item.put(CREATED, Attr.n(coupon.created()));
    Attr.putIfPresent(item, PERCENT_OFF, coupon.percentOff());
    Attr.putIfPresent(item, AMOUNT_OFF, coupon.amountOff());
    Attr.putIfPresent(item, CURRENCY, coupon.currency());
    item.put(CURRENCY_OPTIONS, Attr.longMap(coupon.currencyOptions()));
    item.put(DURATION, Attr.s(coupon.duration().wireName()));
    Attr.putIfPresent(item, DURATION_IN_MONTHS, coupon.durationInMonths());
    Attr.putIfPresent(item, MAX_REDEMPTIONS, coupon.maxRedemptions());
    Attr.putIfPresent(item, MAX_PER_CUSTOMER, coupon.maxRedemptionsPerCustomer());
    Attr.putIfPresent(item, REDEEM_BY, coupon.redeemBy());
    Attr.putIfPresent(item, NAME, coupon.name());
    item.put(METADATA, Attr.stringMap(coupon.metadata()));
    if (coupon.appliesToProducts() != null) {
      item.put(APPLIES_TO, Attr.stringList(coupon.appliesToProducts()));
    }
    item.put(SHARDS, Attr.n(shards));
    Attr.putIfPresent(item, DELETED_AT, coupon.deletedAt());
    item.put(LIVEMODE, Attr.bool(coupon.livemode()));
    if (!coupon.deleted()) {
      ExpiryIndex.put(item, pk, coupon.redeemBy());
    }
    return item;
  }

  static int shards(Map<String, AttributeValue> item) {
    return (int) Attr.longOrZero(item, SHARDS);
  }

  static Coupon fromItem(Map<String, AttributeValue> item) {
    Long months = Attr.longValue(item, DURATION_IN_MONTHS);
    return new Coupon(
        Attr.string(item, ID),
        Attr.longValue(item, CREATED),
        Attr.decimal(item, PERCENT_OFF),
        Attr.longValue(item, AMOUNT_OFF),
        Attr.string(item, CURRENCY),
        Attr.longMap(item, CURRENCY_OPTIONS),
        CouponDuration.fromWire(Attr.string(item, DURATION)),
        months == null ? null : months.intValue(),
        Attr.longValue(item, MAX_REDEMPTIONS),
        Attr.longValue(item, REDEEM_BY),
        Attr.string(item, NAME),
        Attr.stringMap(item, METADATA),
        Attr.stringList(item, APPLIES_TO),
        Attr.longOrZero(item, TIMES_REDEEMED),
        Attr.longValue(item, DELETED_AT),
        Attr.bool(item, LIVEMODE),
        Attr.longValue(item, MAX_PER_CUSTOMER));
  }
}

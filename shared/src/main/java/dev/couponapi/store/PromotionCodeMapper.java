package dev.couponapi.store;

import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.Tenant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place that knows how a promotion code is laid out as an item, with its index keys. */
final class PromotionCodeMapper {


  static final String ID = "id";
  static final String CODE = "code";
  static final String COUPON = "coupon";
  static final String COUPON_REV = "coupon_rev";
  static final String CREATED = "created";
  static final String CUSTOMER = "customer";
  static final String EXPIRES_AT = "expires_at";
  static final String MAX_REDEMPTIONS = "max_redemptions";
  /** The extension's limit per customer (absent: none). */
  static final String MAX_PER_CUSTOMER = "max_redemptions_per_customer";
  /** The count of a code stored before counters were sharded; read, never written. */
  static final String TIMES_REDEEMED = "times_redeemed";
  /** How many escrow shards count this code's redemptions ({@link CounterShards}); absent before sharding. */
  static final String SHARDS = CouponMapper.SHARDS;
  static final String ACTIVE = "active";
  static final String METADATA = MetadataUpdate.ATTRIBUTE;
  static final String FIRST_TIME = "first_time_transaction";
  static final String MINIMUM_AMOUNT = "minimum_amount";
  static final String MINIMUM_CURRENCY = "minimum_amount_currency";
  static final String CURRENCY_OPTIONS = "restriction_currency_options";
  static final String LIVEMODE = "livemode";
  static final String VERSION = "ver";
  /** The batch that made this code, if one did. */
  static final String BATCH = "batch";

  private PromotionCodeMapper() {}

  static String codeIndex(Tenant tenant, String normalizedCode) {
    return Table.listKey(tenant, "promocode") + "#" + normalizedCode;
  }

  static String couponIndex(Tenant tenant, String couponId) {
    return Table.listKey(tenant, "promocoupon") + "#" + couponId;
  }

  static String customerIndex(Tenant tenant, String customer) {
    return Table.listKey(tenant, "promocustomer") + "#" + customer;
  }

  /** A batch's codes; they have no customer, so they share GSI4 with the customer filter. */
  static String batchIndex(Tenant tenant, String batch) {
    return Table.listKey(tenant, "promobatch") + "#" + batch;
  }

  static String activeIndex(Tenant tenant, boolean active) {
    return Table.listKey(tenant, "promoactive") + "#" + active;
  }

  static Map<String, AttributeValue> toItem(Tenant tenant, String listKey, int shards, PromotionCode code) {
    return toItem(tenant, listKey, shards, code, null);
  }

  /** The item of a code that {@code batch} made (null: none), listed by the batch filter. */
  static Map<String, AttributeValue> toItem(Tenant tenant, String listKey, int shards, PromotionCode code,
      String batch) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(ObjectType.PROMOTION_CODE.key(tenant, code.id())));
    item.put(Table.GSI1_PK, Attr.s(ObjectType.PROMOTION_CODE.listKey(tenant)));
    item.put(Table.GSI1_SK, Attr.s(listKey));
    item.put(Table.GSI2_PK, Attr.s(codeIndex(tenant, code.normalizedCode())));
    item.put(Table.GSI3_PK, Attr.s(couponIndex(tenant, code.couponId())));
    if (code.customer() != null) {
      item.put(Table.GSI4_PK, Attr.s(customerIndex(tenant, code.customer())));
    } else if (batch != null) {
      item.put(Table.GSI4_PK, Attr.s(batchIndex(tenant, batch)));
      item.put(BATCH, Attr.s(batch));
    }
    item.put(Table.GSI5_PK, Attr.s(activeIndex(tenant, code.activeFlag())));
    item.put(ID, Attr.s(code.id()));
    item.put(CODE, Attr.s(code.code()));
    Attr.putIfPresent(item, MAX_PER_CUSTOMER, code.maxRedemptionsPerCustomer());
    item.put(COUPON, Attr.s(code.couponId()));
    item.put(COUPON_REV, Attr.s(code.couponRev()));
    item.put(CREATED, Attr.n(code.created()));
    Attr.putIfPresent(item, CUSTOMER, code.customer());
    Attr.putIfPresent(item, EXPIRES_AT, code.expiresAt());
    Attr.putIfPresent(item, MAX_REDEMPTIONS, code.maxRedemptions());
    item.put(SHARDS, Attr.n(shards));
    item.put(ACTIVE, Attr.bool(code.activeFlag()));
    item.put(METADATA, Attr.stringMap(code.metadata()));
    putRestrictions(item, code.restrictions());
    item.put(LIVEMODE, Attr.bool(code.livemode()));
    item.put(VERSION, Attr.n(0));
    if (code.activeFlag()) {
      ExpiryIndex.put(item, Attr.string(item, Table.PK), code.expiresAt());
    }
    return item;
  }

  static PromotionCode fromItem(Map<String, AttributeValue> item) {
    return new PromotionCode(
        Attr.string(item, ID),
        Attr.string(item, CODE),
        Attr.string(item, COUPON),
        Attr.string(item, COUPON_REV),
        Attr.longValue(item, CREATED),
        Attr.string(item, CUSTOMER),
        Attr.longValue(item, EXPIRES_AT),
        Attr.longValue(item, MAX_REDEMPTIONS),
        Attr.longOrZero(item, TIMES_REDEEMED),
        Attr.bool(item, ACTIVE),
        Attr.stringMap(item, METADATA),
        restrictions(item),
        Attr.bool(item, LIVEMODE),
        Attr.longValue(item, MAX_PER_CUSTOMER));
  }

  /** A code's restrictions as attributes (a batch stores its codes' the same way). */
  static void putRestrictions(Map<String, AttributeValue> item, PromotionCode.Restrictions restrictions) {
    item.put(FIRST_TIME, Attr.bool(restrictions.firstTimeTransaction()));
    Attr.putIfPresent(item, MINIMUM_AMOUNT, restrictions.minimumAmount());
    Attr.putIfPresent(item, MINIMUM_CURRENCY, restrictions.minimumAmountCurrency());
    item.put(CURRENCY_OPTIONS, Attr.longMap(restrictions.currencyOptions()));
  }

  static PromotionCode.Restrictions restrictions(Map<String, AttributeValue> item) {
    return new PromotionCode.Restrictions(Attr.bool(item, FIRST_TIME), Attr.longValue(item, MINIMUM_AMOUNT),
        Attr.string(item, MINIMUM_CURRENCY), Attr.longMap(item, CURRENCY_OPTIONS));
  }

  static long version(Map<String, AttributeValue> item) {
    Long version = Attr.longValue(item, VERSION);
    return version == null ? 0 : version;
  }
}

package dev.couponapi.store;

import dev.couponapi.domain.Origin;
import dev.couponapi.domain.PromotionCodeBatch;
import dev.couponapi.domain.Tenant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The only place that knows how a promotion-code batch is laid out as an item. */
final class PromotionCodeBatchMapper {

  static final String ID = "id";
  static final String COUPON = "coupon";
  static final String COUPON_REV = "coupon_rev";
  static final String COUNT = "count";
  static final String CREATED_COUNT = "created_count";
  static final String CREATED = "created";
  static final String STATUS = "status";
  static final String FAILURE_MESSAGE = "failure_message";
  static final String LIVEMODE = "livemode";
  static final String METADATA = MetadataUpdate.ATTRIBUTE;
  static final String PREFIX = "prefix";
  static final String LENGTH = "length";
  static final String EXPIRES_AT = "expires_at";
  static final String MAX_REDEMPTIONS = "max_redemptions";
  static final String ORIGIN_REQUEST = "origin_request";
  static final String ORIGIN_IDEMPOTENCY_KEY = "origin_idempotency_key";
  static final String ORIGIN_VERSION = "origin_version";

  private PromotionCodeBatchMapper() {}

  static Map<String, AttributeValue> toItem(Tenant tenant, String listKey, PromotionCodeBatch batch) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(ObjectType.PROMOTION_CODE_BATCH.key(tenant, batch.id())));
    item.put(Table.GSI1_PK, Attr.s(ObjectType.PROMOTION_CODE_BATCH.listKey(tenant)));
    item.put(Table.GSI1_SK, Attr.s(listKey));
    item.put(ID, Attr.s(batch.id()));
    item.put(COUPON, Attr.s(batch.couponId()));
    item.put(COUPON_REV, Attr.s(batch.couponRev()));
    item.put(COUNT, Attr.n(batch.count()));
    item.put(CREATED_COUNT, Attr.n(batch.createdCount()));
    item.put(CREATED, Attr.n(batch.created()));
    item.put(STATUS, Attr.s(batch.status().wire()));
    Attr.putIfPresent(item, FAILURE_MESSAGE, batch.failureMessage());
    item.put(LIVEMODE, Attr.bool(batch.livemode()));
    item.put(METADATA, Attr.stringMap(batch.metadata()));
    PromotionCodeBatch.CodeTerms terms = batch.terms();
    Attr.putIfPresent(item, PREFIX, terms.prefix());
    item.put(LENGTH, Attr.n(terms.length()));
    Attr.putIfPresent(item, EXPIRES_AT, terms.expiresAt());
    Attr.putIfPresent(item, MAX_REDEMPTIONS, terms.maxRedemptions());
    PromotionCodeMapper.putRestrictions(item, terms.restrictions());
    if (batch.origin() != null) {
      Attr.putIfPresent(item, ORIGIN_REQUEST, batch.origin().requestId());
      Attr.putIfPresent(item, ORIGIN_IDEMPOTENCY_KEY, batch.origin().idempotencyKey());
      item.put(ORIGIN_VERSION, Attr.s(batch.origin().accountVersion()));
    }
    return item;
  }

  static PromotionCodeBatch fromItem(Map<String, AttributeValue> item) {
    return new PromotionCodeBatch(
        Attr.string(item, ID),
        Attr.string(item, COUPON),
        Attr.string(item, COUPON_REV),
        Attr.longValue(item, COUNT),
        Attr.longValue(item, CREATED_COUNT),
        Attr.longValue(item, CREATED),
        PromotionCodeBatch.Status.fromWire(Attr.string(item, STATUS)),
        Attr.string(item, FAILURE_MESSAGE),
        Attr.bool(item, LIVEMODE),
        Attr.stringMap(item, METADATA),
        new PromotionCodeBatch.CodeTerms(Attr.string(item, PREFIX), Attr.longValue(item, LENGTH).intValue(),
            Attr.longValue(item, EXPIRES_AT), Attr.longValue(item, MAX_REDEMPTIONS),
            PromotionCodeMapper.restrictions(item)),
        item.containsKey(ORIGIN_VERSION) ? new Origin(Attr.string(item, ORIGIN_REQUEST),
            Attr.string(item, ORIGIN_IDEMPOTENCY_KEY), Attr.string(item, ORIGIN_VERSION)) : null);
  }
}

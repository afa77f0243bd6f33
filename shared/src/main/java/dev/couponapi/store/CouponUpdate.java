package dev.couponapi.store;

import dev.couponapi.domain.CouponChanges;
import dev.couponapi.store.CouponStore.Refusal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One conditional {@code UpdateItem} for a coupon update, with no read first: the coupon must be
 * live; currency options only on amount-off coupons and never for their own currency; metadata
 * within its limit (see {@link MetadataUpdate}).
 */
final class CouponUpdate {

  private final CouponChanges changes;
  private final Map<String, AttributeValue> pinnedMetadata;

  private CouponUpdate(CouponChanges changes, Map<String, AttributeValue> pinnedMetadata) {
    this.changes = changes;
    this.pinnedMetadata = pinnedMetadata;
  }

  static CouponUpdate of(CouponChanges changes) {
    return new CouponUpdate(changes, null);
  }

  CouponUpdate pinnedTo(Map<String, AttributeValue> old) {
    return new CouponUpdate(changes, MetadataUpdate.pinnedTo(old));
  }

  UpdateExpression expression() {
    UpdateExpression update = new UpdateExpression().name("#deleted", CouponMapper.DELETED_AT)
        .condition(CouponStore.IS_LIVE);
    if (changes.name() != null) {
      update.name("#name", CouponMapper.NAME).value(":name", Attr.s(changes.name())).set("#name = :name");
    }
    MetadataUpdate.apply(update, changes.metadata(), pinnedMetadata);
    if (!changes.currencyOptions().isEmpty()) {
      update.name("#co", CouponMapper.CURRENCY_OPTIONS).name("#amount", CouponMapper.AMOUNT_OFF)
          .name("#currency", CouponMapper.CURRENCY).condition("attribute_exists(#amount)");
      int i = 0;
      for (Map.Entry<String, Long> option : changes.currencyOptions().entrySet()) {
        update.name("#ck" + i, option.getKey()).value(":ck" + i, Attr.s(option.getKey()))
            .value(":cv" + i, Attr.n(option.getValue()))
            .set("#co.#ck" + i + " = :cv" + i).condition("#currency <> :ck" + i);
        i++;
      }
    }
    return update;
  }

  /** Which rule a refused update broke, judged from the item as it was when refused. */
  Refusal explain(Map<String, AttributeValue> old) {
    if (old == null || old.isEmpty() || old.containsKey(CouponMapper.DELETED_AT)) {
      return Refusal.NOT_FOUND;
    }
    if (!changes.currencyOptions().isEmpty() && !old.containsKey(CouponMapper.AMOUNT_OFF)) {
      return Refusal.NOT_AMOUNT_OFF;
    }
    String currency = Attr.string(old, CouponMapper.CURRENCY);
    if (currency != null && changes.currencyOptions().containsKey(currency)) {
      return Refusal.CURRENCY_REPEATED;
    }
    return Refusal.METADATA_FULL;
  }

  boolean exceedsLimitGiven(Map<String, AttributeValue> old) {
    return MetadataUpdate.exceedsLimit(old, changes.metadata());
  }
}

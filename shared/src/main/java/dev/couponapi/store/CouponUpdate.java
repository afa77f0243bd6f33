package dev.couponapi.store;

import dev.couponapi.domain.CouponChanges;
import dev.couponapi.store.CouponStore.Refusal;
import dev.couponapi.wire.ParamBinder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One conditional {@code UpdateItem} for a coupon update, with no read first. The 50-key metadata
 * limit is held by a condition: first a conservative one (room for every key being set), and,
 * when that fails on an item near the limit, one pinned to the exact keys the item had.
 */
final class CouponUpdate {

  private final CouponChanges changes;
  /** When set, the metadata state the condition requires: its size and which set keys exist. */
  private final Map<String, AttributeValue> pinnedMetadata;

  private CouponUpdate(CouponChanges changes, Map<String, AttributeValue> pinnedMetadata) {
    this.changes = changes;
    this.pinnedMetadata = pinnedMetadata;
  }

  static CouponUpdate of(CouponChanges changes) {
    return new CouponUpdate(changes, null);
  }

  CouponUpdate pinnedTo(Map<String, AttributeValue> old) {
    AttributeValue metadata = old.get(CouponMapper.METADATA);
    return new CouponUpdate(changes, metadata != null && metadata.hasM() ? metadata.m() : Map.of());
  }

  UpdateItemRequest.Builder request(String tableName, Map<String, AttributeValue> key) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    List<String> conditions = new ArrayList<>(List.of(CouponStore.IS_LIVE));
    names.put("#deleted", CouponMapper.DELETED_AT);

    if (changes.name() != null) {
      names.put("#name", CouponMapper.NAME);
      values.put(":name", Attr.s(changes.name()));
      sets.add("#name = :name");
    }
    if (changes.clearMetadata() || !changes.setMetadata().isEmpty() || !changes.removeMetadata().isEmpty()) {
      names.put("#md", CouponMapper.METADATA);
    }
    if (changes.clearMetadata()) {
      values.put(":md", Attr.stringMap(changes.setMetadata()));
      sets.add("#md = :md");
    } else {
      int i = 0;
      for (Map.Entry<String, String> entry : changes.setMetadata().entrySet()) {
        names.put("#mk" + i, entry.getKey());
        values.put(":mv" + i, Attr.s(entry.getValue()));
        sets.add("#md.#mk" + i + " = :mv" + i);
        i++;
      }
      int r = 0;
      for (String removed : changes.removeMetadata()) {
        names.put("#rk" + r, removed);
        removes.add("#md.#rk" + r);
        r++;
      }
      if (!changes.setMetadata().isEmpty()) {
        conditions.add(metadataRoom(names, values));
      }
    }
    if (!changes.currencyOptions().isEmpty()) {
      names.put("#co", CouponMapper.CURRENCY_OPTIONS);
      names.put("#amount", CouponMapper.AMOUNT_OFF);
      names.put("#currency", CouponMapper.CURRENCY);
      conditions.add("attribute_exists(#amount)");
      int i = 0;
      for (Map.Entry<String, Long> option : changes.currencyOptions().entrySet()) {
        names.put("#ck" + i, option.getKey());
        values.put(":ck" + i, Attr.s(option.getKey()));
        values.put(":cv" + i, Attr.n(option.getValue()));
        sets.add("#co.#ck" + i + " = :cv" + i);
        conditions.add("#currency <> :ck" + i);
        i++;
      }
    }
    String expression = (sets.isEmpty() ? "" : "SET " + String.join(", ", sets))
        + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    return UpdateItemRequest.builder()
        .tableName(tableName)
        .key(key)
        .updateExpression(expression.trim())
        .conditionExpression(String.join(" AND ", conditions))
        .expressionAttributeNames(names)
        .expressionAttributeValues(values.isEmpty() ? null : values)
        .returnValues(ReturnValue.ALL_NEW)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
  }

  private String metadataRoom(Map<String, String> names, Map<String, AttributeValue> values) {
    if (pinnedMetadata == null) {
      values.put(":mdroom", Attr.n(ParamBinder.METADATA_MAX_KEYS - changes.setMetadata().size()));
      return "size(#md) <= :mdroom";
    }
    List<String> pins = new ArrayList<>();
    values.put(":mdsize", Attr.n(pinnedMetadata.size()));
    pins.add("size(#md) = :mdsize");
    int i = 0;
    for (String key : changes.setMetadata().keySet()) {
      pins.add((pinnedMetadata.containsKey(key) ? "attribute_exists" : "attribute_not_exists") + "(#md.#mk" + i + ")");
      i++;
    }
    return String.join(" AND ", pins);
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

  /** Whether applying the metadata changes to the old item really breaks the key limit. */
  boolean exceedsLimitGiven(Map<String, AttributeValue> old) {
    Map<String, String> result = new HashMap<>(Attr.stringMap(old, CouponMapper.METADATA));
    changes.removeMetadata().forEach(result::remove);
    result.putAll(changes.setMetadata());
    return result.size() > ParamBinder.METADATA_MAX_KEYS;
  }
}

package dev.couponapi.store;

import dev.couponapi.domain.MetadataChange;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A metadata merge inside an update, with no read first. The 50-key limit is a condition: first
 * a conservative one (room for every key being set); when that refuses an item near the limit,
 * the caller may retry once pinned to the exact keys the item had ({@link #pinnedTo}).
 */
final class MetadataUpdate {

  static final String ATTRIBUTE = "metadata";

  private MetadataUpdate() {}

  /** Adds the change to {@code update}; {@code pinned} is null, or the metadata to require exactly. */
  static void apply(UpdateExpression update, MetadataChange change, Map<String, AttributeValue> pinned) {
    if (change.isEmpty()) {
      return;
    }
    update.name("#md", ATTRIBUTE);
    if (change.clearAll()) {
      update.value(":md", Attr.stringMap(change.set())).set("#md = :md");
      return;
    }
    int i = 0;
    for (Map.Entry<String, String> entry : change.set().entrySet()) {
      update.name("#mk" + i, entry.getKey()).value(":mv" + i, Attr.s(entry.getValue()))
          .set("#md.#mk" + i + " = :mv" + i);
      i++;
    }
    int r = 0;
    for (String removed : change.remove()) {
      update.name("#rk" + r, removed).remove("#md.#rk" + r);
      r++;
    }
    if (change.set().isEmpty()) {
      return;
    }
    if (pinned == null) {
      update.value(":mdroom", Attr.n(MetadataChange.MAX_KEYS - change.set().size()))
          .condition("size(#md) <= :mdroom");
      return;
    }
    update.value(":mdsize", Attr.n(pinned.size())).condition("size(#md) = :mdsize");
    int k = 0;
    for (String key : change.set().keySet()) {
      update.condition((pinned.containsKey(key) ? "attribute_exists" : "attribute_not_exists") + "(#md.#mk" + k + ")");
      k++;
    }
  }
}

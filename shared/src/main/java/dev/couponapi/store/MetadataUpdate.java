package dev.couponapi.store;

import dev.couponapi.domain.MetadataChange;
import java.util.Map;

/**
 * A metadata merge inside an update, with no read first. The 50-key limit is a condition: room for
 * every key being set (an update that reads first checks the exact count itself).
 */
final class MetadataUpdate {

  static final String ATTRIBUTE = "metadata";

  private MetadataUpdate() {}

  /** Adds the change to {@code update}. */
  static void apply(UpdateExpression update, MetadataChange change) {
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
    if (!change.set().isEmpty()) {
      update.value(":mdroom", Attr.n(MetadataChange.MAX_KEYS - change.set().size()))
          .condition("size(#md) <= :mdroom");
    }
  }
}

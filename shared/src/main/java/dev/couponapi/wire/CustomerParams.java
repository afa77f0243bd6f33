package dev.couponapi.wire;

import dev.couponapi.api.Ids;
import dev.couponapi.domain.CustomerChanges;
import dev.couponapi.domain.MetadataChange;
import java.util.Map;

/**
 * The customer endpoints' parameters (docs/api.md §5.1). {@code coupon} / {@code promotion_code} are
 * accepted in every version: before basil as Stripe does, from basil on as this API's documented
 * extension, since no other way to give a customer a discount exists (docs/api.md §4.3).
 */
public final class CustomerParams {

  private static final Map<String, ParamType> FIELDS = ParamType.declare(
      "name", new ParamType.Text(256, true),
      "email", new ParamType.Text(512, true),
      "description", new ParamType.Text(500, true),
      "currency", new ParamType.Currency(),
      "metadata", new ParamType.Metadata(),
      "coupon", ParamType.text(Ids.MAX_ID_LENGTH),
      "promotion_code", ParamType.text(Ids.MAX_ID_LENGTH));

  /** A customer is put on a test clock when it is made, and stays on it (docs/api.md §7.5). */
  public static final Map<String, ParamType> CREATE = with(FIELDS, "test_clock", ParamType.text(Ids.MAX_ID_LENGTH));
  public static final Map<String, ParamType> UPDATE = FIELDS;
  public static final Map<String, ParamType> LIST = ListParams.with(ParamType.declare(
      "email", ParamType.text(512)));

  private CustomerParams() {}

  private static Map<String, ParamType> with(Map<String, ParamType> fields, String name, ParamType type) {
    Map<String, ParamType> all = new java.util.LinkedHashMap<>(fields);
    all.put(name, type);
    return Map.copyOf(all);
  }

  /** The customer's own fields: set, or unset by an empty value. */
  public static CustomerChanges changes(Params params) {
    Map<String, String> set = new java.util.LinkedHashMap<>();
    java.util.Set<String> unset = new java.util.HashSet<>();
    for (String field : java.util.List.of("name", "email", "description", "currency")) {
      if (params.isUnset(field)) {
        unset.add(field);
      } else if (params.text(field) != null) {
        set.put(field, params.text(field));
      }
    }
    MetadataChange metadata = params.metadata("metadata");
    return new CustomerChanges(set, unset, metadata == null ? MetadataChange.NONE : metadata);
  }
}

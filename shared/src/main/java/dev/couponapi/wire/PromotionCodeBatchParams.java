package dev.couponapi.wire;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Errors;
import dev.couponapi.domain.PromotionCodeBatch;
import dev.couponapi.domain.PromotionCodeBatchDraft;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The batch endpoints' parameters (docs/api.md §3.7): a single promotion-code create's, less what
 * is per code (its text, its customer, switched off from the start), plus how many codes and how
 * their text is made.
 */
public final class PromotionCodeBatchParams {

  public static final int MAX_PREFIX_LENGTH = 20;
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 20;
  public static final int DEFAULT_LENGTH = 10;
  /** Rows of codes.csv in one response: 10,000 rows stay near 1 MB, far within Lambda's 6 MB. */
  public static final int MAX_CSV_ROWS = 10_000;
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]+");

  public static final Map<String, ParamType> LIST = ListParams.DECLARED;

  public static final Map<String, ParamType> CODES = ParamType.declare(
      "limit", ParamType.integer(1, MAX_CSV_ROWS),
      "starting_after", ParamType.text(dev.couponapi.api.Ids.MAX_ID_LENGTH));

  private PromotionCodeBatchParams() {}

  public static Map<String, ParamType> create(ApiVersion version) {
    Map<String, ParamType> declared = new LinkedHashMap<>(PromotionCodeParams.create(version));
    declared.remove("code");
    declared.remove("customer");
    declared.remove("active");
    declared.put("count", ParamType.integer(1, PromotionCodeBatch.MAX_COUNT));
    declared.put("prefix", ParamType.text(MAX_PREFIX_LENGTH));
    declared.put("length", ParamType.integer(MIN_LENGTH, MAX_LENGTH));
    return Map.copyOf(declared);
  }

  public static PromotionCodeBatchDraft draft(Params params, ApiVersion version) {
    Long count = params.integer("count");
    if (count == null) {
      throw Errors.missing("count");
    }
    String prefix = params.text("prefix");
    if (prefix != null && !PREFIX.matcher(prefix).matches()) {
      throw Errors.invalid("prefix", "Invalid prefix: a batch's prefix may only use letters and digits (at most "
          + MAX_PREFIX_LENGTH + ").");
    }
    Long length = params.integer("length");
    return new PromotionCodeBatchDraft(PromotionCodeParams.draft(params, version), count,
        prefix == null || prefix.isEmpty() ? null : prefix, length == null ? DEFAULT_LENGTH : length.intValue());
  }

  /** The rows one codes.csv response holds. */
  public static int csvRows(Params params) {
    Long limit = params.integer("limit");
    return limit == null ? MAX_CSV_ROWS : limit.intValue();
  }
}

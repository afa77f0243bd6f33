package dev.couponapi.wire;

import dev.couponapi.domain.PromotionCode;
import java.util.List;

/**
 * A batch's codes as CSV (docs/api.md §3.7): {@code id,code,active,times_redeemed,max_redemptions,expires_at},
 * the header only on the first page, so that pages put one after another are one file. Code texts
 * are letters, digits and '-', ids are Stripe's: no field needs quoting.
 */
public final class CodesCsv {

  public static final String HEADER = "id,code,active,times_redeemed,max_redemptions,expires_at\n";

  private CodesCsv() {}

  /** One row per code; {@code active} as rendered (the stored flag while the coupon is valid). */
  public record Row(PromotionCode code, boolean active) {}

  public static String render(List<Row> rows, boolean first) {
    StringBuilder csv = new StringBuilder(first ? HEADER : "");
    for (Row row : rows) {
      PromotionCode code = row.code();
      csv.append(code.id()).append(',').append(code.code()).append(',').append(row.active()).append(',')
          .append(code.timesRedeemed()).append(',').append(blankIfNull(code.maxRedemptions())).append(',')
          .append(blankIfNull(code.expiresAt())).append('\n');
    }
    return csv.toString();
  }

  private static String blankIfNull(Long value) {
    return value == null ? "" : value.toString();
  }
}

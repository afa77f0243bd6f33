package dev.couponapi.wire;

import dev.couponapi.domain.PromotionCode;
import java.util.List;

/**
 * A batch's codes as CSV (docs/api.md §3.7): {@code id,code,active,times_redeemed,max_redemptions,expires_at},
 * the header only on the first page, so that pages put one after another are one file. A text cell
 * that a spreadsheet would read as a formula (it begins with {@code = + - @}, a tab or a carriage
 * return) is written with a leading {@code '}, so that it opens as text; code texts are letters,
 * digits and '-', so no field needs quoting.
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
      csv.append(text(code.id())).append(',').append(text(code.code())).append(',').append(row.active()).append(',')
          .append(code.timesRedeemed()).append(',').append(blankIfNull(code.maxRedemptions())).append(',')
          .append(blankIfNull(code.expiresAt())).append('\n');
    }
    return csv.toString();
  }

  /** A text cell, as a spreadsheet will show it: as text, never as a formula. */
  static String text(String value) {
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  private static String blankIfNull(Long value) {
    return value == null ? "" : value.toString();
  }
}

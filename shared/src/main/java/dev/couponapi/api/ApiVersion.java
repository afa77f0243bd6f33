package dev.couponapi.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Stripe API version. Only the date drives behaviour (spec §1.3); the name after the dot is
 * kept for echoing.
 */
public record ApiVersion(String value, String date) implements Comparable<ApiVersion> {

  /** Customer/subscription/preview lose singular coupon params; amount-off forever coupons end. */
  public static final String BASIL = "2025-03-31";
  /** Discount.source and PromotionCode.promotion replace the embedded coupon. */
  public static final String CLOVER = "2025-09-30";

  public static final String FALLBACK = "2025-09-30.clover";

  private static final Pattern FORMAT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(\\.[a-z]{1,20})?");

  /** Parses a {@code Stripe-Version} value; 400 when it is not a version. */
  public static ApiVersion parse(String value) {
    Matcher matcher = FORMAT.matcher(value == null ? "" : value.trim());
    if (!matcher.matches()) {
      throw Errors.invalidVersion(SafeText.clip(String.valueOf(value)));
    }
    String date = matcher.group(1);
    try {
      LocalDate parsed = LocalDate.parse(date);
      if (parsed.getYear() < 2011) {
        throw Errors.invalidVersion(value);
      }
    } catch (DateTimeException e) {
      throw Errors.invalidVersion(SafeText.clip(value));
    }
    return new ApiVersion(value.trim(), date);
  }

  public boolean atLeast(String gateDate) {
    return date.compareTo(gateDate) >= 0;
  }

  @Override
  public int compareTo(ApiVersion other) {
    return date.compareTo(other.date);
  }
}

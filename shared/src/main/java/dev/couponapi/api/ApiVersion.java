package dev.couponapi.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Stripe API version, and the inventory of what each breaking Stripe change means for this API
 * (docs/versions.md): every renderer and parameter set asks one of the named methods below, never
 * a date. Only the date drives behaviour (docs/api.md §1.3); the name after the dot is echoed.
 */
public record ApiVersion(String value, String date) implements Comparable<ApiVersion> {

  /** {@code 2025-03-31.basil}: stackable discounts replace the singular ones; upcoming invoices go. */
  public static final String BASIL = "2025-03-31";
  /** {@code 2025-09-30.clover}: discounts and promotion codes name their coupon through a polymorphic field. */
  public static final String CLOVER = "2025-09-30";

  /** {@code 2026-09-30.endive}: subscription {@code billing_cycle_anchor} parameters become objects. */
  public static final String ENDIVE = "2026-09-30";

  public static final String FALLBACK = "2025-09-30.clover";

  private static final Pattern NAMED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.([a-z]{1,20})");

  /**
   * Parses a {@code Stripe-Version} value (docs/versions.md): a version of the table of known
   * releases; or a well-formed {@code YYYY-MM-DD.name} dated after the newest known release, which
   * renders as the newest does. Anything else, a known date with another release name included, is
   * Stripe's 400 {@code Invalid Stripe API version}.
   */
  public static ApiVersion parse(String value) {
    String version = value == null ? "" : value.trim();
    if (KnownVersions.SET.contains(version)) {
      return new ApiVersion(version, version.substring(0, 10));
    }
    Matcher named = NAMED.matcher(version);
    if (named.matches() && isDate(named.group(1)) && named.group(1).compareTo(newestKnown().date()) > 0) {
      return new ApiVersion(version, named.group(1));
    }
    throw Errors.invalidVersion(SafeText.clip(String.valueOf(value)));
  }

  /** The newest release this API knows. */
  public static ApiVersion newestKnown() {
    return new ApiVersion(KnownVersions.NEWEST, KnownVersions.NEWEST.substring(0, 10));
  }

  /** Every known release, oldest first. */
  public static java.util.List<String> known() {
    return KnownVersions.ALL;
  }

  private static boolean isDate(String date) {
    try {
      LocalDate.parse(date);
      return true;
    } catch (DateTimeException notADate) {
      return false;
    }
  }

  public boolean atLeast(String gateDate) {
    return date.compareTo(gateDate) >= 0;
  }

  // basil (docs/api.md §4.3, §5, §6): "Removes coupon and promotion code parameters with stackable discounts"

  /** Customers, subscriptions and previews take the singular {@code coupon} / {@code promotion_code}. */
  public boolean takesSingularDiscountParams() {
    return !atLeast(BASIL);
  }

  /** A subscription renders its first discount as the singular {@code discount}. */
  public boolean subscriptionHasSingularDiscount() {
    return !atLeast(BASIL);
  }

  /** {@code GET /v1/invoices/upcoming} exists (basil removed it for create_preview). */
  public boolean hasUpcomingInvoice() {
    return !atLeast(BASIL);
  }

  /** An invoice names its {@code subscription} at the top level (basil moved it under parent). */
  public boolean invoiceHasSubscription() {
    return !atLeast(BASIL);
  }

  /** A subscription's {@code current_period_*} are on each of its items (basil moved them there). */
  public boolean periodOnItems() {
    return atLeast(BASIL);
  }

  /** Invoice lines carry {@code pricing} instead of {@code price}. */
  public boolean invoiceLineHasPricing() {
    return atLeast(BASIL);
  }

  /**
   * Amount-off coupons with {@code duration: forever} can no longer be created, nor applied to
   * subscriptions ("Removes support for discount coupons that don't have a specified end time").
   */
  public boolean refusesAmountOffForever() {
    return atLeast(BASIL);
  }

  // clover (docs/api.md §3.1, §4.1): coupons behind polymorphic fields, not auto-expanded

  /** A discount names its coupon as {@code source: {coupon, type}} instead of embedding {@code coupon}. */
  public boolean discountHasSource() {
    return atLeast(CLOVER);
  }

  /**
   * A promotion code names its coupon as {@code promotion: {coupon, type}} instead of embedding
   * {@code coupon}, and is created with {@code promotion[…]} only.
   */
  public boolean promotionCodeHasPromotion() {
    return atLeast(CLOVER);
  }

  // endive (docs/versions.md): "polymorphic billing_cycle_anchor"

  /**
   * Subscription updates and previews take {@code billing_cycle_anchor} as an object
   * ({@code [type]=now|unchanged|timestamp}, {@code [timestamp]}) instead of a string or timestamp.
   */
  public boolean billingCycleAnchorIsObject() {
    return atLeast(ENDIVE);
  }

  @Override
  public int compareTo(ApiVersion other) {
    return date.compareTo(other.date);
  }
}

package dev.couponapi.wire;

import dev.couponapi.api.Errors;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponChanges;
import dev.couponapi.domain.CouponDraft;
import dev.couponapi.domain.CouponDuration;
import dev.couponapi.domain.MetadataChange;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The coupon endpoints' parameters (docs/api.md §2.2–2.6) and the shape rules that need no stored state. */
public final class CouponParams {

  public static final long MAX_AMOUNT = 99_999_999L;
  /** The most a limit per customer may be (docs/api.md §2.8). */
  public static final long MAX_PER_CUSTOMER = 1_000;
  public static final int MAX_DURATION_IN_MONTHS = 1200;
  public static final long MAX_REDEMPTIONS = 999_999_999_999L;
  public static final int MAX_PRODUCTS = 100;

  private static final ParamType CURRENCY_OPTIONS = new ParamType.MapOf(ParamType.currencyKeys(),
      "three-letter ISO currency codes", ParamType.fields("amount_off", ParamType.integer(1, MAX_AMOUNT)), false);

  public static final Map<String, ParamType> CREATE = ParamType.declare(
      "id", ParamType.text(Ids.MAX_ID_LENGTH),
      "percent_off", new ParamType.Decimal(2),
      "amount_off", ParamType.integer(1, MAX_AMOUNT),
      "currency", new ParamType.Currency(),
      "currency_options", CURRENCY_OPTIONS,
      "duration", new ParamType.Choice(Set.of("forever", "once", "repeating")),
      "duration_in_months", ParamType.integer(1, MAX_DURATION_IN_MONTHS),
      "max_redemptions", ParamType.integer(1, MAX_REDEMPTIONS),
      // an extension (docs/api.md §2.8): how often one customer may redeem the coupon
      "max_redemptions_per_customer", ParamType.integer(1, MAX_PER_CUSTOMER),
      "redeem_by", ParamType.integer(1, 99_999_999_999L),
      "name", ParamType.text(40),
      "metadata", new ParamType.Metadata(),
      "applies_to", ParamType.fields("products",
          new ParamType.ListOf(ParamType.text(1000), MAX_PRODUCTS, true)));

  public static final Map<String, ParamType> UPDATE = ParamType.declare(
      "name", ParamType.text(40),
      "metadata", new ParamType.Metadata(),
      "currency_options", CURRENCY_OPTIONS);

  public static final Map<String, ParamType> NONE = Map.of();


  private CouponParams() {}

  /** Create: exactly one discount kind, the duration rules, and the basil rule (docs/api.md §2.2). */
  public static CouponDraft draft(Params params, ApiVersion version) {
    String id = params.text("id");
    if (id != null && !Ids.isAcceptableId(id)) {
      throw Errors.invalid("id", "Invalid id: coupon ids may use printable ASCII characters except '/' and spaces, "
          + "and may not be '.' or '..'.");
    }
    BigDecimal percentOff = params.decimal("percent_off");
    Long amountOff = params.integer("amount_off");
    if (percentOff != null && amountOff != null) {
      throw Errors.exclusive("amount_off", "percent_off");
    }
    if (percentOff == null && amountOff == null) {
      throw Errors.missing("percent_off");
    }
    if (percentOff != null && (percentOff.signum() <= 0 || percentOff.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw Errors.invalid("percent_off", "Invalid percent_off: must be greater than 0 and at most 100.");
    }
    String currency = params.text("currency");
    if (amountOff != null && currency == null) {
      throw Errors.missing("currency");
    }
    if (amountOff == null && currency != null) {
      throw Errors.invalid("currency", "currency can only be set on coupons with amount_off.");
    }
    Map<String, Long> currencyOptions = currencyOptions(params, currency);
    if (!currencyOptions.isEmpty() && amountOff == null) {
      throw Errors.invalid("currency_options", "currency_options can only be set on coupons with amount_off.");
    }
    CouponDuration duration = params.has("duration")
        ? CouponDuration.fromWire(params.text("duration")) : CouponDuration.ONCE;
    Long months = params.integer("duration_in_months");
    if (duration == CouponDuration.REPEATING && months == null) {
      throw Errors.missing("duration_in_months");
    }
    if (duration != CouponDuration.REPEATING && months != null) {
      throw Errors.invalid("duration_in_months", "duration_in_months can only be set when duration is repeating.");
    }
    if (amountOff != null && duration == CouponDuration.FOREVER && version.refusesAmountOffForever()) {
      throw Errors.invalid("duration", "Coupons with amount_off can no longer have a duration of forever "
          + "(since API version 2025-03-31.basil). Use once or repeating.");
    }
    MetadataChange metadata = params.metadata("metadata");
    Coupon terms = new Coupon(null, 0, percentOff, amountOff, currency, currencyOptions, duration,
        months == null ? null : months.intValue(), params.integer("max_redemptions"), params.integer("redeem_by"),
        params.text("name"), metadata == null ? Map.of() : metadata.applyTo(Map.of()), products(params), 0, null,
        false).limitedPerCustomer(params.integer("max_redemptions_per_customer"));
    return new CouponDraft(id, terms);
  }

  /** Update: only name, metadata and currency_options exist (docs/api.md §2.4). */
  public static CouponChanges changes(Params params) {
    MetadataChange metadata = params.metadata("metadata");
    return new CouponChanges(params.text("name"), metadata == null ? MetadataChange.NONE : metadata,
        currencyOptions(params, null));
  }

  private static Map<String, Long> currencyOptions(Params params, String currency) {
    Params options = params.object("currency_options");
    if (options == null) {
      return Map.of();
    }
    Map<String, Long> result = new LinkedHashMap<>();
    for (String code : options.keys()) {
      Params option = options.object(code);
      String name = options.nameOf(code);
      if (option == null || option.integer("amount_off") == null) {
        throw Errors.missing(name + "[amount_off]");
      }
      if (code.equals(currency)) {
        throw Errors.invalid(name, "currency_options cannot repeat the coupon's own currency (" + currency + ").");
      }
      result.put(code, option.integer("amount_off"));
    }
    return result;
  }

  private static List<String> products(Params params) {
    Params appliesTo = params.object("applies_to");
    if (appliesTo == null || appliesTo.list("products") == null || appliesTo.list("products").isEmpty()) {
      return null;
    }
    return appliesTo.list("products");
  }
}

package dev.couponapi.wire;

import dev.couponapi.api.ApiException;
import dev.couponapi.api.Errors;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.PromotionCodeChanges;
import dev.couponapi.domain.PromotionCodeDraft;
import dev.couponapi.domain.PromotionCodeFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The promotion-code endpoints' parameters by API version (docs/api.md §3.2–3.5) and their shape rules. */
public final class PromotionCodeParams {

  public static final int MAX_CODE_LENGTH = 500;
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]+");

  private static final ParamType MINIMUM_AMOUNT = ParamType.integer(1, CouponParams.MAX_AMOUNT);
  private static final ParamType CURRENCY_OPTIONS = new ParamType.MapOf(ParamType.currencyKeys(),
      "three-letter ISO currency codes", ParamType.fields("minimum_amount", MINIMUM_AMOUNT), false);
  private static final ParamType PROMOTION = ParamType.fields(
      "type", new ParamType.Choice(Set.of("coupon")),
      "coupon", ParamType.text(Ids.MAX_ID_LENGTH));

  private static final Map<String, ParamType> CREATE_ALL_VERSIONS = ParamType.declare(
      "promotion", PROMOTION,
      // unsettable only so that an empty code gets its own error (parameter_invalid_string_empty)
      "code", new ParamType.Text(MAX_CODE_LENGTH, true),
      "customer", ParamType.text(Ids.MAX_ID_LENGTH),
      "expires_at", ParamType.integer(1, 99_999_999_999L),
      "max_redemptions", ParamType.integer(1, CouponParams.MAX_REDEMPTIONS),
      // an extension (docs/api.md §2.8): how often one customer may redeem the code
      "max_redemptions_per_customer", ParamType.integer(1, CouponParams.MAX_PER_CUSTOMER),
      "active", new ParamType.Bool(),
      "metadata", new ParamType.Metadata(),
      "restrictions", ParamType.fields(
          "first_time_transaction", new ParamType.Bool(),
          "minimum_amount", MINIMUM_AMOUNT,
          "minimum_amount_currency", new ParamType.Currency(),
          "currency_options", CURRENCY_OPTIONS));

  /** Before clover, {@code coupon} names the coupon; {@code promotion[…]} is accepted too (docs/api.md §3.2). */
  private static final Map<String, ParamType> CREATE_BEFORE_CLOVER = with(CREATE_ALL_VERSIONS,
      "coupon", ParamType.text(Ids.MAX_ID_LENGTH));

  public static final Map<String, ParamType> UPDATE = ParamType.declare(
      "active", new ParamType.Bool(),
      "metadata", new ParamType.Metadata(),
      "restrictions", ParamType.fields("currency_options", CURRENCY_OPTIONS));

  public static final Map<String, ParamType> LIST = ListParams.with(ParamType.declare(
      "active", new ParamType.Bool(),
      "code", ParamType.text(MAX_CODE_LENGTH),
      "coupon", ParamType.text(Ids.MAX_ID_LENGTH),
      "customer", ParamType.text(Ids.MAX_ID_LENGTH),
      "batch", ParamType.text(Ids.MAX_ID_LENGTH)));

  private PromotionCodeParams() {}

  public static Map<String, ParamType> create(ApiVersion version) {
    return version.promotionCodeHasPromotion() ? CREATE_ALL_VERSIONS : CREATE_BEFORE_CLOVER;
  }


  public static PromotionCodeDraft draft(Params params, ApiVersion version) {
    Params promotion = params.object("promotion");
    String couponParam;
    String couponId;
    if (params.has("coupon") && promotion != null) {
      throw Errors.exclusive("coupon", "promotion");
    } else if (params.has("coupon")) {
      couponParam = "coupon";
      couponId = params.text("coupon");
    } else if (promotion != null) {
      if (promotion.text("type") == null) {
        throw Errors.missing("promotion[type]");
      }
      couponParam = "promotion[coupon]";
      couponId = promotion.text("coupon");
      if (couponId == null) {
        throw Errors.missing(couponParam);
      }
    } else {
      throw Errors.missing(version.promotionCodeHasPromotion() ? "promotion[coupon]" : "coupon");
    }
    return new PromotionCodeDraft(couponId, couponParam, code(params), params.text("customer"),
        params.integer("expires_at"), params.integer("max_redemptions"),
        params.bool("active") == null || params.bool("active"),
        metadata(params).applyTo(Map.of()), restrictions(params.object("restrictions")),
        params.integer("max_redemptions_per_customer"));
  }

  public static PromotionCodeChanges changes(Params params) {
    Params restrictions = params.object("restrictions");
    return new PromotionCodeChanges(params.bool("active"), metadata(params),
        restrictions == null ? Map.of() : currencyOptions(restrictions, null));
  }

  public static PromotionCodeFilter filter(Params params) {
    String code = params.text("code");
    return new PromotionCodeFilter(params.bool("active"), code == null ? null : PromotionCode.normalize(code),
        params.text("coupon"), params.text("customer"), params.text("batch"));
  }

  private static String code(Params params) {
    if (params.isUnset("code")) {
      throw ApiException.invalid("parameter_invalid_string_empty",
          "You passed an empty string for 'code'. Promotion codes need at least one character.", "code");
    }
    String code = params.text("code");
    if (code != null && !CODE.matcher(code).matches()) {
      throw Errors.invalid("code", "Invalid code: promotion codes may only use letters, digits and '-'.");
    }
    return code;
  }

  private static MetadataChange metadata(Params params) {
    MetadataChange metadata = params.metadata("metadata");
    return metadata == null ? MetadataChange.NONE : metadata;
  }

  private static PromotionCode.Restrictions restrictions(Params restrictions) {
    if (restrictions == null) {
      return PromotionCode.Restrictions.NONE;
    }
    Long minimum = restrictions.integer("minimum_amount");
    String currency = restrictions.text("minimum_amount_currency");
    if (minimum != null && currency == null) {
      throw Errors.missing("restrictions[minimum_amount_currency]");
    }
    if (minimum == null && currency != null) {
      throw Errors.missing("restrictions[minimum_amount]");
    }
    Boolean firstTime = restrictions.bool("first_time_transaction");
    return new PromotionCode.Restrictions(firstTime != null && firstTime, minimum, currency,
        currencyOptions(restrictions, currency));
  }

  private static Map<String, Long> currencyOptions(Params restrictions, String minimumCurrency) {
    Params options = restrictions.object("currency_options");
    Map<String, Long> result = new LinkedHashMap<>();
    if (options == null) {
      return result;
    }
    for (String currency : options.keys()) {
      Params option = options.object(currency);
      String name = options.nameOf(currency);
      if (option == null || option.integer("minimum_amount") == null) {
        throw Errors.missing(name + "[minimum_amount]");
      }
      if (currency.equals(minimumCurrency)) {
        throw Errors.invalid(name, "restrictions[currency_options] cannot repeat minimum_amount_currency ("
            + minimumCurrency + ").");
      }
      result.put(currency, option.integer("minimum_amount"));
    }
    return result;
  }

  private static Map<String, ParamType> with(Map<String, ParamType> base, String name, ParamType type) {
    Map<String, ParamType> map = new LinkedHashMap<>(base);
    map.put(name, type);
    return Map.copyOf(map);
  }
}

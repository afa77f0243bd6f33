package dev.couponapi.wire;

import dev.couponapi.api.ApiException;
import dev.couponapi.api.ApiVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.couponapi.domain.PromotionCodeDraft;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromotionCodeParamsTest {

  private static final ApiVersion ACACIA = ApiVersion.parse("2025-02-24.acacia");
  private static final ApiVersion CLOVER = ApiVersion.parse("2025-09-30.clover");

  private static Params bind(String body, Map<String, ParamType> declared) {
    return ParamBinder.bind(FormDecoder.toTree(FormDecoder.parseUrlEncoded(body)), declared);
  }

  private static PromotionCodeDraft draft(String body, ApiVersion version) {
    return PromotionCodeParams.draft(bind(body, PromotionCodeParams.create(version)), version);
  }

  private static ApiException refusal(String body, ApiVersion version) {
    return catchThrowableOfType(ApiException.class, () -> draft(body, version));
  }

  @Test
  void beforeClover_couponOrPromotion_namesTheCoupon() {
    assertThat(draft("coupon=C1", ACACIA).couponId()).isEqualTo("C1");
    assertThat(draft("coupon=C1", ACACIA).couponParam()).isEqualTo("coupon");
    PromotionCodeDraft viaPromotion = draft("promotion[type]=coupon&promotion[coupon]=C2", ACACIA);
    assertThat(viaPromotion.couponId()).isEqualTo("C2");
    assertThat(viaPromotion.couponParam()).isEqualTo("promotion[coupon]");
    assertThat(refusal("coupon=C1&promotion[type]=coupon&promotion[coupon]=C2", ACACIA).code())
        .isEqualTo("parameters_exclusive");
    assertThat(refusal("code=X", ACACIA).param()).isEqualTo("coupon");
  }

  @Test
  void fromClover_couponIsUnknown_andPromotionIsRequired() {
    assertThat(refusal("coupon=C1", CLOVER).code()).isEqualTo("parameter_unknown");
    assertThat(refusal("code=X", CLOVER).param()).isEqualTo("promotion[coupon]");
    assertThat(refusal("promotion[coupon]=C1", CLOVER).param()).isEqualTo("promotion[type]");
    assertThat(refusal("promotion[type]=coupon", CLOVER).param()).isEqualTo("promotion[coupon]");
    assertThat(refusal("promotion[type]=gift&promotion[coupon]=C1", CLOVER).param()).isEqualTo("promotion[type]");
  }

  @Test
  void code_lettersDigitsAndDashes_andNotEmpty() {
    assertThat(draft("coupon=C&code=Summer-25", ACACIA).code()).isEqualTo("Summer-25");
    assertThat(draft("coupon=C", ACACIA).code()).isNull();
    assertThat(refusal("coupon=C&code=", ACACIA).code()).isEqualTo("parameter_invalid_string_empty");
    assertThat(refusal("coupon=C&code=no+spaces", ACACIA).param()).isEqualTo("code");
    assertThat(refusal("coupon=C&code=" + "A".repeat(501), ACACIA).param()).isEqualTo("code");
  }

  @Test
  void activeDefaultsToTrue() {
    assertThat(draft("coupon=C", ACACIA).active()).isTrue();
    assertThat(draft("coupon=C&active=false", ACACIA).active()).isFalse();
  }

  @Test
  void minimumAmount_andItsCurrency_needEachOther() {
    assertThat(refusal("coupon=C&restrictions[minimum_amount]=100", ACACIA).param())
        .isEqualTo("restrictions[minimum_amount_currency]");
    assertThat(refusal("coupon=C&restrictions[minimum_amount_currency]=usd", ACACIA).param())
        .isEqualTo("restrictions[minimum_amount]");
    assertThat(draft("coupon=C&restrictions[minimum_amount]=100&restrictions[minimum_amount_currency]=USD", ACACIA)
        .restrictions().minimumAmountCurrency()).isEqualTo("usd");
  }

  @Test
  void currencyOptions_neverTheMinimumCurrency() {
    String base = "coupon=C&restrictions[minimum_amount]=100&restrictions[minimum_amount_currency]=usd";
    assertThat(draft(base + "&restrictions[currency_options][eur][minimum_amount]=90", ACACIA).restrictions()
        .currencyOptions()).isEqualTo(Map.of("eur", 90L));
    assertThat(refusal(base + "&restrictions[currency_options][usd][minimum_amount]=90", ACACIA).param())
        .isEqualTo("restrictions[currency_options][usd]");
  }

  @Test
  void update_onlyActiveMetadataAndCurrencyOptions() {
    ApiException unknown = catchThrowableOfType(ApiException.class,
        () -> bind("code=NEW&customer=cus_1&expires_at=5&restrictions[minimum_amount]=1", PromotionCodeParams.UPDATE));
    assertThat(unknown.code()).isEqualTo("parameter_unknown");
    assertThat(unknown.getMessage()).contains("code", "customer", "expires_at", "restrictions[minimum_amount]");
  }

  @Test
  void listFilter_codeComparedWithoutCase() {
    assertThat(PromotionCodeParams.filter(bind("code=SuMMer&active=true", PromotionCodeParams.LIST)).code())
        .isEqualTo("summer");
  }
}

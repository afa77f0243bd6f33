package dev.couponapi.wire;

import dev.couponapi.api.ApiException;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.couponapi.domain.CouponDraft;
import dev.couponapi.domain.CouponDuration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CouponParamsTest {

  private static final ApiVersion CLOVER = ApiVersion.parse("2025-09-30.clover");
  private static final ApiVersion ACACIA = ApiVersion.parse("2025-02-24.acacia");

  private static CouponDraft draft(String body, ApiVersion version) {
    return CouponParams.draft(ParamBinder.bind(FormDecoder.toTree(FormDecoder.parseUrlEncoded(body)),
        CouponParams.CREATE), version);
  }

  private static ApiException refusal(String body, ApiVersion version) {
    return catchThrowableOfType(ApiException.class, () -> draft(body, version));
  }

  @Test
  void durationDefaultsToOnce() {
    assertThat(draft("percent_off=10", CLOVER).terms().duration()).isEqualTo(CouponDuration.ONCE);
  }

  @Test
  void exactlyOneOfPercentAndAmount() {
    assertThat(refusal("duration=once", CLOVER).code()).isEqualTo("parameter_missing");
    ApiException both = refusal("percent_off=10&amount_off=5&currency=usd", CLOVER);
    assertThat(both.code()).isEqualTo("parameters_exclusive");
    assertThat(both.getMessage()).isEqualTo("You may only specify one of these parameters: amount_off, percent_off.");
  }

  @Test
  void percentOffMustBeAboveZeroAndAtMostHundred() {
    assertThat(refusal("percent_off=0", CLOVER).param()).isEqualTo("percent_off");
    assertThat(refusal("percent_off=100.01", CLOVER).param()).isEqualTo("percent_off");
    assertThat(draft("percent_off=100", CLOVER).terms().percentOff()).isEqualByComparingTo("100");
  }

  @Test
  void amountOffNeedsCurrency_andCurrencyNeedsAmountOff() {
    ApiException missing = refusal("amount_off=500", CLOVER);
    assertThat(missing.code()).isEqualTo("parameter_missing");
    assertThat(missing.param()).isEqualTo("currency");
    assertThat(refusal("percent_off=5&currency=usd", CLOVER).param()).isEqualTo("currency");
  }

  @Test
  void repeatingNeedsDurationInMonths_andOnlyRepeatingTakesIt() {
    assertThat(refusal("percent_off=5&duration=repeating", CLOVER).param()).isEqualTo("duration_in_months");
    assertThat(refusal("percent_off=5&duration=once&duration_in_months=3", CLOVER).param())
        .isEqualTo("duration_in_months");
    assertThat(draft("percent_off=5&duration=repeating&duration_in_months=3", CLOVER).terms().durationInMonths()).isEqualTo(3);
  }

  @Test
  void basilForbidsAmountOffForever_olderVersionsAllowIt() {
    assertThat(refusal("amount_off=5&currency=usd&duration=forever", CLOVER).param()).isEqualTo("duration");
    assertThat(draft("amount_off=5&currency=usd&duration=forever", ACACIA).terms().duration()).isEqualTo(CouponDuration.FOREVER);
    assertThat(draft("percent_off=5&duration=forever", CLOVER).terms().duration()).isEqualTo(CouponDuration.FOREVER);
  }

  @Test
  void currencyOptions_onlyForAmountOff_neverTheOwnCurrency_eachNeedsAmount() {
    assertThat(draft("amount_off=5&currency=usd&currency_options[EUR][amount_off]=4", CLOVER).terms().currencyOptions())
        .isEqualTo(Map.of("eur", 4L));
    assertThat(refusal("percent_off=5&currency_options[eur][amount_off]=4", CLOVER).param())
        .isEqualTo("currency_options");
    assertThat(refusal("amount_off=5&currency=usd&currency_options[usd][amount_off]=4", CLOVER).param())
        .isEqualTo("currency_options[usd]");
    assertThat(refusal("amount_off=5&currency=usd&currency_options[eur][amount_off]=0", CLOVER).param())
        .isEqualTo("currency_options[eur][amount_off]");
  }

  @Test
  void nameAtMostFortyCharacters() {
    assertThat(refusal("percent_off=5&name=" + "n".repeat(41), CLOVER).param()).isEqualTo("name");
  }

  @Test
  void customIds_printableAsciiWithoutSlash() {
    assertThat(draft("percent_off=5&id=SUMMER-25_off.x", CLOVER).requestedId()).isEqualTo("SUMMER-25_off.x");
    assertThat(refusal("percent_off=5&id=a%2Fb", CLOVER).param()).isEqualTo("id");
    assertThat(refusal("percent_off=5&id=a+b", CLOVER).param()).isEqualTo("id");
    assertThat(refusal("percent_off=5&id=%C3%A9", CLOVER).param()).isEqualTo("id");
    assertThat(refusal("percent_off=5&id=" + "x".repeat(Ids.MAX_ID_LENGTH + 1), CLOVER).param()).isEqualTo("id");
  }

  @Test
  void appliesToProducts_emptyMeansUnrestricted() {
    assertThat(draft("percent_off=5&applies_to[products][]=prod_A", CLOVER).terms().appliesToProducts())
        .isEqualTo(List.of("prod_A"));
    assertThat(draft("percent_off=5&applies_to[products]=", CLOVER).terms().appliesToProducts()).isNull();
  }
}

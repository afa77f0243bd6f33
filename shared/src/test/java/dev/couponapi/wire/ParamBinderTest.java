package dev.couponapi.wire;

import dev.couponapi.api.ApiException;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ParamBinderTest {

  private static Params bind(String body, Map<String, ParamType> declared) {
    return ParamBinder.bind(FormDecoder.toTree(FormDecoder.parseUrlEncoded(body)), declared);
  }

  private static ApiException error(ThrowingCallable call) {
    try {
      call.call();
    } catch (ApiException e) {
      return e;
    } catch (Throwable other) {
      throw new AssertionError("expected an ApiException", other);
    }
    throw new AssertionError("expected an ApiException, got none");
  }

  @Test
  void reportsEveryUnknownParameterInBracketNotation() {
    ApiException e = error(() -> bind("percent_off=1&foo=1&applies_to[products][]=a&applies_to[bar]=2",
        CouponParams.CREATE));
    assertThat(e.code()).isEqualTo("parameter_unknown");
    assertThat(e.getMessage()).isEqualTo("Received unknown parameters: foo, applies_to[bar]");
    assertThat(e.param()).isEqualTo("foo");
  }

  @Test
  void convertsTypes() {
    Params params = bind("percent_off=25.50&max_redemptions=3&duration=once&metadata[k]=v", CouponParams.CREATE);
    assertThat(params.decimal("percent_off")).isEqualByComparingTo(new BigDecimal("25.5"));
    assertThat(params.integer("max_redemptions")).isEqualTo(3L);
    assertThat(params.metadata("metadata").set()).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void integerErrors_nonNumericAndOverflow() {
    assertThat(error(() -> bind("max_redemptions=ten", CouponParams.CREATE)).code())
        .isEqualTo("parameter_invalid_integer");
    assertThat(error(() -> bind("max_redemptions=99999999999999999999999", CouponParams.CREATE)).code())
        .isEqualTo("parameter_invalid_integer");
    assertThat(error(() -> bind("max_redemptions=1.5", CouponParams.CREATE)).code())
        .isEqualTo("parameter_invalid_integer");
  }

  @Test
  void integerOutOfRange_namesTheParameter() {
    ApiException e = error(() -> bind("max_redemptions=0", CouponParams.CREATE));
    assertThat(e.param()).isEqualTo("max_redemptions");
    assertThat(e.status()).isEqualTo(400);
  }

  @Test
  void decimalErrors() {
    assertThat(error(() -> bind("percent_off=abc", CouponParams.CREATE)).getMessage()).isEqualTo("Invalid decimal: abc");
    assertThat(error(() -> bind("percent_off=1.234", CouponParams.CREATE)).param()).isEqualTo("percent_off");
    assertThat(error(() -> bind("percent_off=1e5", CouponParams.CREATE)).param()).isEqualTo("percent_off");
  }

  @Test
  void emptyString_unsetsOnlyWhatCanBeUnset() {
    assertThat(bind("metadata=", CouponParams.UPDATE).metadata("metadata").clearAll()).isTrue();
    ApiException e = error(() -> bind("name=", CouponParams.UPDATE));
    assertThat(e.code()).isEqualTo("parameter_invalid_empty");
    assertThat(e.param()).isEqualTo("name");
  }

  @Test
  void hashWhereAScalarIsExpected_andTheReverse() {
    assertThat(error(() -> bind("name[x]=1", CouponParams.UPDATE)).param()).isEqualTo("name");
    assertThat(error(() -> bind("metadata=x", CouponParams.CREATE)).param()).isEqualTo("metadata");
  }

  @Test
  void metadataLimits() {
    assertThat(error(() -> bind("metadata[" + "k".repeat(41) + "]=v", CouponParams.UPDATE)).getMessage())
        .contains("40 characters");
    assertThat(error(() -> bind("metadata[k]=" + "v".repeat(501), CouponParams.UPDATE)).getMessage())
        .contains("500 characters");
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      body.append("metadata[k").append(i).append("]=v&");
    }
    assertThat(error(() -> bind(body.toString(), CouponParams.UPDATE)).getMessage()).contains("50 keys");
    assertThat(error(() -> bind("metadata[k][x]=v", CouponParams.UPDATE)).param()).isEqualTo("metadata[k]");
  }

  @Test
  void indexedArraysMustHaveNoGaps() {
    assertThat(bind("applies_to[products][0]=a&applies_to[products][1]=b", CouponParams.CREATE)
        .object("applies_to").list("products")).isEqualTo(List.of("a", "b"));
    assertThat(error(() -> bind("applies_to[products][0]=a&applies_to[products][2]=b", CouponParams.CREATE)).param())
        .isEqualTo("applies_to[products]");
  }

  @Test
  void createdFilter_integerOrRange() {
    Params exact = bind("created=1700000000", ListParams.DECLARED);
    assertThat(exact.range("created").eq()).isEqualTo(1_700_000_000L);
    Params range = bind("created[gte]=1&created[lt]=5", ListParams.DECLARED);
    assertThat(range.range("created").gte()).isEqualTo(1L);
    assertThat(range.range("created").lt()).isEqualTo(5L);
    assertThat(error(() -> bind("created[between]=1", ListParams.DECLARED)).code()).isEqualTo("parameter_unknown");
  }

  @Test
  void booleans_areCaseSensitive() {
    Map<String, ParamType> declared = Map.of("flag", new ParamType.Bool());
    assertThat(bind("flag=true", declared).bool("flag")).isTrue();
    assertThat(error(() -> bind("flag=TRUE", declared)).getMessage()).isEqualTo("Invalid boolean: TRUE");
  }

  @Test
  void currencyCodes_anyCaseStoredLowerCase() {
    assertThat(bind("amount_off=5&currency=USD", CouponParams.CREATE).text("currency")).isEqualTo("usd");
    assertThat(error(() -> bind("amount_off=5&currency=dollars", CouponParams.CREATE)).param()).isEqualTo("currency");
  }
}

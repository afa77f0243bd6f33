package dev.couponapi.wire;

import dev.couponapi.api.ApiException;
import dev.couponapi.api.ApiVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

  @Test
  void parsesBothFormats_andComparesByDate() {
    assertThat(ApiVersion.parse("2024-06-20").atLeast(ApiVersion.BASIL)).isFalse();
    assertThat(ApiVersion.parse("2025-03-31.basil").atLeast(ApiVersion.BASIL)).isTrue();
    assertThat(ApiVersion.parse("2026-09-30.endive").atLeast(ApiVersion.CLOVER)).isTrue();
    assertThat(ApiVersion.parse("2025-03-31.basil").atLeast(ApiVersion.CLOVER)).isFalse();
  }

  @Test
  void rejectsWhatIsNotAVersion() {
    for (String value : new String[] {"garbage", "2025-13-01", "2025-02-30.basil", "2025-03-31.", "", "1999-01-01"}) {
      assertThatThrownBy(() -> ApiVersion.parse(value)).as(value).isInstanceOf(ApiException.class)
          .hasMessageStartingWith("Invalid Stripe API version");
    }
  }

  @Test
  void everyKnownRelease_parses_andIsEchoedAsSent() {
    assertThat(ApiVersion.known()).contains("2024-06-20", "2025-02-24.acacia", "2025-09-30.clover",
        "2026-05-27.dahlia", "2026-10-28.endive").hasSizeGreaterThan(120);
    for (String known : ApiVersion.known()) {
      assertThat(ApiVersion.parse(known).value()).isEqualTo(known);
    }
    assertThat(ApiVersion.newestKnown().value()).isEqualTo("2026-10-28.endive");
  }

  @Test
  void eachRelease_rendersInTheShapeFamilyOfItsDate() {
    ApiVersion acacia = ApiVersion.parse("2025-02-24.acacia");
    ApiVersion basil = ApiVersion.parse("2025-08-27.basil");
    ApiVersion dahlia = ApiVersion.parse("2026-05-27.dahlia");
    ApiVersion endive = ApiVersion.parse("2026-10-28.endive");
    assertThat(acacia.takesSingularDiscountParams()).isTrue();
    assertThat(acacia.discountHasSource()).isFalse();
    assertThat(basil.takesSingularDiscountParams()).isFalse();
    assertThat(basil.discountHasSource()).isFalse();
    assertThat(dahlia.discountHasSource()).isTrue();
    assertThat(dahlia.promotionCodeHasPromotion()).isTrue();
    assertThat(dahlia.billingCycleAnchorIsObject()).isFalse();
    assertThat(endive.billingCycleAnchorIsObject()).isTrue();
  }

  @Test
  void aWellFormedVersionNewerThanTheTable_rendersAsTheNewest_andIsEchoed() {
    ApiVersion next = ApiVersion.parse("2026-11-25.endive");
    assertThat(next.value()).isEqualTo("2026-11-25.endive");
    assertThat(next.billingCycleAnchorIsObject()).isTrue();
    assertThat(next.discountHasSource()).isTrue();
    assertThat(ApiVersion.parse("2027-03-31.fig").promotionCodeHasPromotion()).isTrue();
  }

  @Test
  void aKnownDateWithAnotherName_anUnknownRelease_orAMissingName_isStripes400() {
    for (String value : new String[] {"2025-09-30.acacia", "2025-09-30", "2024-06-21", "2026-10-28.dahlia",
        "2025-10-01.clover", "2026-08-12.preview", "2027-01-01", "2026-13-40.fig", "2026-10-28.endive; beta=v1"}) {
      assertThatThrownBy(() -> ApiVersion.parse(value)).as(value).isInstanceOf(ApiException.class)
          .hasMessage("Invalid Stripe API version: " + value)
          .extracting(e -> ((ApiException) e).status()).isEqualTo(400);
    }
  }
}

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
}

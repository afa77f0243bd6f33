package dev.couponapi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** REDEMPTION_SHARDS (1 to 64) and REDEMPTION_TERMS_CACHE_MS (0 to 10 000), and a clear refusal of anything else. */
class RedemptionSettingsTest {

  @Test
  void wholeNumbersInRange_areTaken() {
    assertThat(RedemptionSettings.fromEnvironment(" 64 ", "0"))
        .isEqualTo(new RedemptionSettings(64, Duration.ZERO));
    assertThat(RedemptionSettings.fromEnvironment("1", "10000").termsCache()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void anythingElse_isRefusedNamingTheSettingAndTheValue() {
    for (String bad : new String[] {"0", "65", "-3", "eight", "8.5"}) {
      assertThatThrownBy(() -> RedemptionSettings.fromEnvironment(bad, "2000"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("REDEMPTION_SHARDS must be a whole number from 1 to 64, not \"" + bad + "\"");
    }
    assertThatThrownBy(() -> RedemptionSettings.fromEnvironment("8", "20000"))
        .hasMessage("REDEMPTION_TERMS_CACHE_MS must be a whole number of milliseconds from 0 to 10000, not \"20000\"");
  }
}

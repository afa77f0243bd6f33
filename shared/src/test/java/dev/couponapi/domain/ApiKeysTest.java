package dev.couponapi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

  @Test
  void masksAllButPrefixAndLastFour() {
    assertThat(ApiKeys.mask("sk_test_1234567890abcd")).isEqualTo("sk_test_**********abcd");
  }

  @Test
  void maskNeverEchoesCharactersThatCouldBreakJsonOrLogs() {
    assertThat(ApiKeys.mask("sk_test_\"}\n<script>abcd")).matches("[A-Za-z0-9_*]+").endsWith("abcd");
  }

  @Test
  void maskOfAHugeKeyIsBounded() {
    assertThat(ApiKeys.mask("sk_test_" + "x".repeat(10_000)).length()).isLessThanOrEqualTo(120);
  }

  @Test
  void hashIsSha256Hex_andNotTheKey() {
    String hash = ApiKeys.hash("sk_test_abc");
    assertThat(hash).hasSize(64).matches("[0-9a-f]+").doesNotContain("sk_test");
  }

  @Test
  void recognisesSecretKeysAndTheirMode() {
    assertThat(ApiKeys.isKeyFormat("sk_live_0123456789abcdefXYZ")).isTrue();
    assertThat(ApiKeys.isLive("sk_live_0123456789abcdefXYZ")).isTrue();
    assertThat(ApiKeys.isKeyFormat("sk_test_short")).isFalse();
    assertThat(ApiKeys.isKeyFormat("pk_test_0123456789abcdefXYZ")).isFalse();
    assertThat(ApiKeys.isPublishable("pk_test_0123456789abcdefXYZ")).isTrue();
  }
}

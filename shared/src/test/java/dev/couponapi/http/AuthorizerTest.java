package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import dev.couponapi.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorizerTest {

  private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123/live/GET/v1/coupons";

  private TestApp test;
  private Authorizer authorizer;
  private String testKey;
  private String liveKey;

  @BeforeEach
  void setUp() {
    test = new TestApp();
    authorizer = new Authorizer(test.app.apiKeyStore(), "default-usage-key-0000000");
    testKey = test.app.apiKeys().mint(new Tenant("acct_one", false), null);
    liveKey = test.app.apiKeys().mint(new Tenant("acct_one", true), "acct-one-usage-key-00000");
  }

  @SuppressWarnings("unchecked")
  private static String effect(Map<String, Object> response) {
    Map<String, Object> policy = (Map<String, Object>) response.get("policyDocument");
    return (String) ((List<Map<String, Object>>) policy.get("Statement")).get(0).get("Effect");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> context(Map<String, Object> response) {
    return (Map<String, Object>) response.get("context");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> error(Map<String, Object> response) {
    return Json.readObject((String) context(response).get("error"));
  }

  @Test
  void bearerKey_allowsWithAccountAndMode_forTheWholeStage() {
    Map<String, Object> response = authorizer.authorize("Bearer " + testKey, ARN);
    assertThat(effect(response)).isEqualTo("Allow");
    assertThat(context(response)).containsEntry("account", "acct_one").containsEntry("livemode", "false");
    assertThat(response.get("usageIdentifierKey")).isEqualTo("default-usage-key-0000000");
    assertThat(Json.writeString(response)).contains("abc123/live/*");
  }

  @Test
  void basicAuth_keyAsUserName_emptyPassword() {
    String basic = Base64.getEncoder().encodeToString((liveKey + ":").getBytes(StandardCharsets.UTF_8));
    Map<String, Object> response = authorizer.authorize("Basic " + basic, ARN);
    assertThat(context(response)).containsEntry("livemode", "true");
    assertThat(response.get("usageIdentifierKey")).isEqualTo("acct-one-usage-key-00000");
  }

  @Test
  void unknownKey_deniesWithTheMaskedKey() {
    Map<String, Object> response = authorizer.authorize("Bearer sk_test_0000000000000000wxyz", ARN);
    assertThat(effect(response)).isEqualTo("Deny");
    assertThat(error(response)).containsEntry("message", "Invalid API Key provided: sk_test_****************wxyz")
        .containsEntry("type", "invalid_request_error");
  }

  @Test
  void noUsableCredentials_deniesAsNoApiKey() {
    for (String header : new String[] {"", "Bearer ", "Token abc", "Basic !!!notbase64", "Basic "}) {
      assertThat((String) error(authorizer.authorize(header, ARN)).get("message")).as(header)
          .startsWith("You did not provide an API key.");
    }
  }

  @Test
  void publishableKey_needsASecretKey() {
    assertThat(error(authorizer.authorize("Bearer pk_test_0000000000000000wxyz", ARN)))
        .containsEntry("code", "secret_key_required");
  }

  @Test
  void theKeyItselfIsNeverStored() {
    assertThat(test.snapshot().toString()).doesNotContain(testKey).doesNotContain(liveKey);
  }

  /** Restricted keys are refused as invalid until they carry permissions (docs/api.md §1.2). */
  @Test
  void restrictedKeys_areRefusedAsInvalid_andCannotBeMinted() {
    Map<String, Object> response = authorizer.authorize("Bearer rk_test_0000000000000000wxyz", ARN);
    assertThat(effect(response)).isEqualTo("Deny");
    assertThat((String) error(response).get("message")).startsWith("Invalid API Key provided");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> test.app.apiKeys().register(
        "rk_test_0000000000000000wxyz", new Tenant("acct_one", false))).isInstanceOf(IllegalArgumentException.class);
  }
}

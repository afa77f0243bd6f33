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
    authorizer = new Authorizer(test.app.apiKeyStore(), "default-usage-key-0000000", test.clock);
    testKey = test.app.apiKeys().mint(new Tenant("acct_one", false), null);
    liveKey = test.app.apiKeys().mint(new Tenant("acct_one", true), "acct-one-usage-key-00000");
  }

  /** The effect of an authorizer's answer (Allow, Deny); KeyLifecycleTest reads answers too. */
  @SuppressWarnings("unchecked")
  static String effect(Map<String, Object> response) {
    Map<String, Object> policy = (Map<String, Object>) response.get("policyDocument");
    return (String) ((List<Map<String, Object>>) policy.get("Statement")).get(0).get("Effect");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> context(Map<String, Object> response) {
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

  /**
   * A restricted key is only ever made with its permissions (docs/hosting.md, H2.2): one nobody
   * made is invalid, and none can be registered as a secret key is (serve --api-key).
   */
  @Test
  void restrictedKeys_areMadeWithPermissionsOnly() {
    Map<String, Object> response = authorizer.authorize("Bearer rk_test_0000000000000000wxyz", ARN);
    assertThat(effect(response)).isEqualTo("Deny");
    assertThat((String) error(response).get("message")).startsWith("Invalid API Key provided");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> test.app.apiKeys().register(
        "rk_test_0000000000000000wxyz", new Tenant("acct_one", false))).isInstanceOf(IllegalArgumentException.class);
    String restricted = test.app.apiKeys().create(new Tenant("acct_one", false),
        dev.couponapi.domain.Permissions.parse("coupons=read"), null);
    assertThat(context(authorizer.authorize("Bearer " + restricted, ARN))).containsEntry("permissions", "coupons=read")
        .containsEntry("key", "rk_test_…" + restricted.substring(restricted.length() - 4));
  }
}

package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Tenant;
import dev.couponapi.service.ApiKeyService;
import dev.couponapi.store.ApiKeyStore.StoredKey;
import dev.couponapi.testing.TestApp;
import dev.couponapi.wire.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key through its life (docs/hosting.md, H2.1): made, listed masked, used (its day noted),
 * revoked at once, rolled with the old key stopping when its time comes, even under a decision the
 * gateway cached before. The clock is the test's.
 */
class KeyLifecycleTest {

  private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123/live/GET/v1/coupons";
  private static final Tenant TENANT = new Tenant("acct_keys", false);

  private final TestApp test = new TestApp();
  private final ApiKeyService keys = test.app.apiKeys();
  private final Authorizer authorizer = new Authorizer(test.app.apiKeyStore(), null, test.clock);
  private final CouponResource coupons = test.app.resource(CouponResource.class);

  @Test
  void listedKeys_areMaskedWithTheirKindAndPermissions_andNeverShownWhole() {
    String secret = keys.mint(TENANT, null);
    String restricted = keys.create(TENANT, Permissions.parse("coupons=write,events=read"), null);
    keys.mint(new Tenant("acct_other", false), null);
    keys.mint(new Tenant("acct_keys", true), null);

    List<StoredKey> listed = keys.list(TENANT);

    assertThat(restricted).startsWith("rk_test_");
    assertThat(listed).extracting(StoredKey::masked).containsExactly(
        "rk_test_…" + restricted.substring(restricted.length() - 4), "sk_test_…" + secret.substring(secret.length() - 4));
    Map<String, Object> shown = KeyAdmin.describe(listed.get(0));
    assertThat(shown).containsEntry("type", "restricted").containsEntry("created", TestApp.START.getEpochSecond())
        .containsEntry("last_used", null).containsEntry("expires_at", null);
    assertThat(shown.get("permissions")).isEqualTo(Map.of("coupons", "write", "promotion_codes", "none",
        "customers", "none", "subscriptions", "none", "invoices", "none", "webhook_endpoints", "none",
        "events", "read"));
    assertThat(Json.writeString(listed.stream().map(KeyAdmin::describe).toList())).doesNotContain(secret)
        .doesNotContain(restricted);
  }

  @Test
  void aKeysDayOfUse_isNotedOnceADay() {
    String key = keys.mint(TENANT, null);
    test.calls.reset();

    authorizer.authorize("Bearer " + key, ARN);
    authorizer.authorize("Bearer " + key, ARN);
    test.clock.advance(Duration.ofDays(1));
    authorizer.authorize("Bearer " + key, ARN);

    assertThat(test.calls.operations()).containsExactly("GetItem", "UpdateItem", "GetItem", "GetItem", "UpdateItem");
    assertThat(keys.list(TENANT).get(0).lastUsed()).isEqualTo("2026-01-02");
  }

  @Test
  void aRevokedKey_isRefusedAtOnce_namedInFullOrByItsEnd() {
    String first = keys.mint(TENANT, null);
    String second = keys.mint(TENANT, null);
    assertThat(AuthorizerTest.effect(authorizer.authorize("Bearer " + first, ARN))).isEqualTo("Allow");

    assertThat(keys.revoke(null, first).masked()).endsWith(first.substring(first.length() - 4));
    assertThat(keys.revoke(TENANT, "sk_test_…" + second.substring(second.length() - 4)).masked())
        .endsWith(second.substring(second.length() - 4));

    for (String key : List.of(first, second)) {
      Map<String, Object> refused = authorizer.authorize("Bearer " + key, ARN);
      assertThat(AuthorizerTest.effect(refused)).isEqualTo("Deny");
      assertThat((String) AuthorizerTest.context(refused).get("error")).contains("Invalid API Key provided");
    }
    assertThat(keys.list(TENANT)).isEmpty();
  }

  @Test
  void revokeMistakes_areClear_andChangeNothing() {
    String key = keys.mint(TENANT, null);
    String end = key.substring(key.length() - 4);
    var before = test.snapshot();

    assertThatThrownBy(() -> keys.revoke(TENANT, "zzzz")).hasMessage("no key of acct_keys (test) ends in zzzz");
    assertThatThrownBy(() -> keys.revoke(null, end)).hasMessageContaining("needs its account");
    assertThatThrownBy(() -> keys.revoke(TENANT, "sk_live_…" + end)).hasMessageContaining("is a live key");
    assertThatThrownBy(() -> keys.revoke(new Tenant("acct_other", false), key)).hasMessageStartingWith("no such key");
    assertThatThrownBy(() -> keys.revoke(TENANT, "not a key")).hasMessageContaining("name the key in full");

    assertThat(test.snapshot()).isEqualTo(before);
  }

  @Test
  void twoKeysWithTheSameEnd_mustBeNamedInFull() {
    String first = keys.mint(TENANT, null);
    String end = first.substring(first.length() - 4);
    // two random keys rarely end alike: the second is registered with the first one's end
    keys.register("sk_test_" + "A".repeat(20) + end, TENANT);

    assertThatThrownBy(() -> keys.revoke(TENANT, end)).hasMessage("2 keys of acct_keys end in " + end
        + "; name the key in full");
    assertThat(keys.revoke(TENANT, first).masked()).isEqualTo("sk_test_…" + end);
  }

  @Test
  void aRolledKey_keepsWorkingUntilItsTime_thenStops_evenUnderADecisionCachedBefore() {
    String old = keys.mint(TENANT, null);
    Map<String, Object> cachedBeforeTheRoll = AuthorizerTest.context(authorizer.authorize("Bearer " + old, ARN));

    ApiKeyService.Rolled rolled = keys.roll(old, 24);

    assertThat(rolled.key()).startsWith("sk_test_").isNotEqualTo(old);
    assertThat(rolled.oldExpiresAt()).isEqualTo(TestApp.START.getEpochSecond() + 24 * 3600);
    Map<String, Object> cachedAfterTheRoll = AuthorizerTest.context(authorizer.authorize("Bearer " + old, ARN));
    assertThat(cachedAfterTheRoll).containsEntry("expires_at", Long.toString(rolled.oldExpiresAt()));
    assertThat(status(cachedAfterTheRoll)).isEqualTo(200);
    assertThat(keys.list(TENANT)).extracting(StoredKey::expiresAt).containsExactlyInAnyOrder(null,
        rolled.oldExpiresAt());

    test.clock.advance(Duration.ofHours(24));

    Map<String, Object> refused = authorizer.authorize("Bearer " + old, ARN);
    assertThat(AuthorizerTest.effect(refused)).isEqualTo("Deny");
    assertThat((String) AuthorizerTest.context(refused).get("error")).contains("api_key_expired")
        .contains("Expired API Key provided: sk_test_…" + old.substring(old.length() - 4));
    ApiResponse underTheNewerDecision = test.handle(coupons.list(), event(cachedAfterTheRoll));
    assertThat(underTheNewerDecision.status()).isEqualTo(401);
    assertThat(TestApp.body(underTheNewerDecision).toString()).contains("api_key_expired");
    assertThat(AuthorizerTest.effect(authorizer.authorize("Bearer " + rolled.key(), ARN))).isEqualTo("Allow");
    assertThat(keys.list(TENANT)).hasSize(1);
    // a decision cached before the roll has no expiry: the roll made the gateway forget it (ApiGatewayManagementTest)
    assertThat(cachedBeforeTheRoll).doesNotContainKey("expires_at");
  }

  @Test
  void aRolledRestrictedKey_staysRestricted() {
    String old = keys.create(TENANT, Permissions.parse("promotion_codes=read"), null);
    ApiKeyService.Rolled rolled = keys.roll(old, 0);
    assertThat(rolled.key()).startsWith("rk_test_");
    assertThat(AuthorizerTest.context(authorizer.authorize("Bearer " + rolled.key(), ARN)))
        .containsEntry("permissions", "promotion_codes=read");
    assertThat(AuthorizerTest.effect(authorizer.authorize("Bearer " + old, ARN))).as("0 hours: it stops now").isEqualTo("Deny");
  }

  @Test
  void rollMistakes_areClear_andChangeNothing() {
    String key = keys.mint(TENANT, null);
    String revoked = keys.mint(TENANT, null);
    keys.revoke(null, revoked);
    keys.roll(keys.mint(TENANT, null), 1);
    String rolledOnce = keys.list(TENANT).stream().filter(stored -> stored.expiresAt() != null).findFirst()
        .map(StoredKey::masked).orElseThrow();
    var before = test.snapshot();

    assertThatThrownBy(() -> keys.roll(key, 169)).hasMessage("expires_in_hours is a whole number from 0 to 168, not 169");
    assertThatThrownBy(() -> keys.roll(key, -1)).hasMessageContaining("from 0 to 168");
    assertThatThrownBy(() -> keys.roll(revoked, 1)).hasMessageStartingWith("no such key: sk_test_");
    assertThatThrownBy(() -> keys.roll(key.substring(key.length() - 4), 1)).hasMessageContaining("in full");
    assertThat(rolledOnce).isNotNull();

    assertThat(test.snapshot()).isEqualTo(before);
  }

  @Test
  void aKeyRolledAlready_isNotRolledAgain() {
    String key = keys.mint(TENANT, null);
    keys.roll(key, 2);
    assertThatThrownBy(() -> keys.roll(key, 2)).hasMessageContaining("was rolled already and stops at 2026-01-01T02:00:00Z");
  }

  private int status(Map<String, Object> context) {
    return test.handle(coupons.list(), event(context)).status();
  }

  /** A request to list coupons, as API Gateway sends it with this authorizer context. */
  private static Map<String, Object> event(Map<String, Object> context) {
    Map<String, Object> event = TestApp.event("GET", "/v1/coupons", null, null, null);
    event.put("requestContext", Map.of("authorizer", new LinkedHashMap<>(context)));
    return event;
  }
}

package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Permissions.Group;
import dev.couponapi.domain.Permissions.Level;
import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Restricted keys against every operation the app registers (docs/hosting.md, H2.2): for each group
 * at each level, every operation of that group is allowed exactly when the level reaches what it
 * needs, and every operation of another group is a 403 naming the key and the permission that
 * would allow it; a refused request writes nothing.
 */
class RestrictedKeysTest {

  private static final Tenant TENANT = new Tenant("acct_rk", false);

  private final TestApp test = new TestApp();

  @Test
  void everyLevelOfEveryGroup_againstEveryOperation() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Group group : Group.values()) {
      for (Level level : Level.values()) {
        // a key needs some permission: "none" of this group is tried with another group's read
        Group other = group == Group.COUPONS ? Group.EVENTS : Group.COUPONS;
        String permissions = level == Level.NONE ? other.wire() + "=read" : group.wire() + "=" + level.wire();
        for (Operation operation : test.app.operations()) {
          Level granted = operation.group() == group ? level
              : level == Level.NONE && operation.group() == other ? Level.READ : Level.NONE;
          boolean allowed = operation.needs() == Level.NONE || granted.includes(operation.needs());
          var before = allowed ? null : test.snapshot();
          ApiResponse response = call(operation, permissions);
          boolean refused = response.status() == 403 && response.bodyText().contains("does not have the required "
              + "permissions");
          if (refused == allowed) {
            wrong.add(permissions + " " + operation.name() + ": " + response.status() + " " + response.bodyText());
          }
          if (refused && !response.bodyText().contains("'" + operation.group().wire() + "_"
              + operation.needs().wire() + "'")) {
            wrong.add(permissions + " " + operation.name() + " does not name its permission: " + response.bodyText());
          }
          if (before != null) {
            assertThat(test.snapshot()).as(operation.name()).isEqualTo(before);
          }
          checked++;
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).isEqualTo(Group.values().length * Level.values().length * test.app.operations().size());
  }

  @Test
  void theRefusal_isStripes403_namingTheKeyTheAccountAndThePermission() {
    Operation create = test.app.operation("CreateCouponFunction");
    ApiResponse response = call(create, "coupons=read");
    assertThat(response.status()).isEqualTo(403);
    assertThat(TestApp.body(response)).isEqualTo(Map.of("error", Map.of("type", "invalid_request_error", "message",
        "The provided key 'rk_test_…abcd' does not have the required permissions for this endpoint on account "
            + "'acct_rk'. Having the 'coupons_write' permission would allow this request to continue.")));
  }

  @Test
  void everyOperation_belongsToAGroup_orNeedsNone_andNoneIsAnAdminAction() {
    for (Operation operation : test.app.operations()) {
      assertThat(operation.group() != null || operation.needs() == Level.NONE).as(operation.name()).isTrue();
      assertThat(operation.functionId()).isNotEqualTo("AdminKeysFunction");
    }
    assertThat(test.app.operations().stream().filter(operation -> operation.needs() == Level.NONE)
        .map(Operation::name)).containsExactly("key_permissions.retrieve");
  }

  @Test
  void keyPermissions_tellsAnyKeyWhatItMayDo() {
    ApiResponse restricted = call(test.app.operation("RetrieveKeyPermissionsFunction"), "coupons=write,events=read");
    assertThat(TestApp.body(restricted)).containsEntry("object", "key_permissions")
        .containsEntry("key", "rk_test_…abcd").containsEntry("type", "restricted").containsEntry("livemode", false);
    assertThat(TestApp.body(restricted).get("permissions")).isEqualTo(Permissions.parse("coupons=write,events=read")
        .wire());
    ApiResponse secret = test.handle(test.app.operation("RetrieveKeyPermissionsFunction"),
        TestApp.event("GET", "/v1/key_permissions", null, null, TENANT));
    assertThat(TestApp.body(secret)).containsEntry("type", "secret");
    assertThat(TestApp.body(secret).get("permissions")).isEqualTo(Permissions.ALL.wire());
  }

  /** The operation, asked by a restricted key with these permissions (as its authorizer context says). */
  private ApiResponse call(Operation operation, String permissions) {
    Map<String, String> pathParameters = operation.pathParameter() == null ? null
        : Map.of(operation.pathParameter(), "x");
    String body = operation.method().equals("POST") ? "metadata[k]=v" : null;
    Map<String, Object> event = TestApp.event(operation.method(), operation.path(), pathParameters, body, TENANT);
    Map<String, Object> authorizer = new HashMap<>(Map.of("account", TENANT.account(), "livemode", "false",
        "key", "rk_test_…abcd", "permissions", permissions));
    event.put("requestContext", Map.of("authorizer", authorizer));
    return test.handle(operation, event);
  }
}

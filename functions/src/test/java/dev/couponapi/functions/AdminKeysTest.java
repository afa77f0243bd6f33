package dev.couponapi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.TestApp;
import dev.couponapi.wire.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin function's key actions through Lambda's stream interface (docs/operations.md, "Keys"):
 * what each answers, the one log line each writes (never a key in it), and mistakes answered with
 * an error that names them and nothing written.
 */
class AdminKeysTest {

  private final TestApp test = new TestApp();
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final AdminKeys admin = new AdminKeys(test.app.apiKeys(), new PrintStream(logged, true, StandardCharsets.UTF_8));

  private Map<String, Object> invoke(String request) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    admin.handleRequest(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.readObject(out.toString(StandardCharsets.UTF_8));
  }

  private List<String> logLines() {
    return logged.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void create_list_roll_revoke_eachWithOneLogLine_andNoKeyInAny() throws IOException {
    Map<String, Object> secret = invoke("{\"action\":\"create_key\",\"account\":\"acct_admin\",\"livemode\":true}");
    Map<String, Object> restricted = invoke("{\"action\":\"create_key\",\"account\":\"acct_admin\",\"livemode\":true,"
        + "\"permissions\":{\"coupons\":\"write\",\"promotion_codes\":\"read\"}}");
    String secretKey = (String) secret.get("key");
    String restrictedKey = (String) restricted.get("key");
    assertThat(secretKey).startsWith("sk_live_");
    assertThat(secret).containsEntry("type", "secret").containsEntry("account", "acct_admin");
    assertThat(restrictedKey).startsWith("rk_live_");
    assertThat((Map<String, Object>) restricted.get("permissions")).containsEntry("coupons", "write")
        .containsEntry("promotion_codes", "read").containsEntry("events", "none");

    Map<String, Object> listed = invoke("{\"action\":\"list_keys\",\"account\":\"acct_admin\",\"livemode\":true}");
    assertThat((List<?>) listed.get("keys")).hasSize(2);
    assertThat(Json.writeString(listed)).doesNotContain(secretKey).doesNotContain(restrictedKey)
        .contains("rk_live_…" + restrictedKey.substring(restrictedKey.length() - 4));

    Map<String, Object> rolled = invoke("{\"action\":\"roll_key\",\"key\":\"" + secretKey + "\",\"expires_in_hours\":24}");
    assertThat((String) rolled.get("key")).startsWith("sk_live_");
    assertThat(rolled).containsEntry("rolled", "sk_live_…" + secretKey.substring(secretKey.length() - 4))
        .containsEntry("expires_at", (int) (TestApp.START.getEpochSecond() + 24 * 3600));

    Map<String, Object> revoked = invoke("{\"action\":\"revoke_key\",\"account\":\"acct_admin\",\"livemode\":true,"
        + "\"key\":\"rk_live_…" + restrictedKey.substring(restrictedKey.length() - 4) + "\"}");
    assertThat(revoked).containsEntry("revoked", "rk_live_…" + restrictedKey.substring(restrictedKey.length() - 4));

    List<String> lines = logLines();
    assertThat(lines).hasSize(5);
    assertThat(lines).extracting(line -> Json.readObject(line).get("operation")).containsExactly("admin.create_key",
        "admin.create_key", "admin.list_keys", "admin.roll_key", "admin.revoke_key");
    assertThat(lines).allSatisfy(line -> assertThat(line).contains("\"account\":\"acct_admin\"")
        .doesNotContain(secretKey).doesNotContain(restrictedKey).doesNotContain((String) rolled.get("key")));
  }

  @Test
  void mistakes_areAnErrorNamingThem_withOneLogLineEach_andNothingWritten() throws IOException {
    String key = (String) invoke("{\"action\":\"create_key\",\"account\":\"acct_admin\"}").get("key");
    var before = test.snapshot();
    logged.reset();
    Map<String, String> mistakes = new java.util.LinkedHashMap<>();
    mistakes.put("{\"action\":\"drop_table\"}", "unknown action");
    mistakes.put("not json", "not a JSON object");
    mistakes.put("{\"action\":\"create_key\",\"account\":\"acct with spaces\"}", "account ids look like");
    mistakes.put("{\"action\":\"create_key\",\"account\":\"acct_x\",\"livemode\":\"yes\"}", "\"livemode\" is true or false");
    mistakes.put("{\"action\":\"create_key\",\"account\":\"acct_x\",\"permissions\":{\"coupon\":\"write\"}}",
        "unknown permission group 'coupon'");
    mistakes.put("{\"action\":\"create_key\",\"account\":\"acct_x\",\"permissions\":{\"coupons\":\"all\"}}",
        "unknown level 'all' for coupons");
    mistakes.put("{\"action\":\"create_key\",\"account\":\"acct_x\",\"permissions\":\"coupons=write\"}",
        "permissions is an object");
    mistakes.put("{\"action\":\"create_key\",\"account\":\"acct_x\",\"colour\":\"red\"}", "unknown field \"colour\"");
    mistakes.put("{\"action\":\"roll_key\",\"key\":\"" + key + "\",\"expires_in_hours\":169}", "from 0 to 168");
    mistakes.put("{\"action\":\"roll_key\",\"key\":\"" + key + "\",\"expires_in_hours\":1.5}", "whole number");
    mistakes.put("{\"action\":\"roll_key\"}", "roll_key needs \"key\"");
    mistakes.put("{\"action\":\"revoke_key\",\"key\":\"sk_test_" + "Z".repeat(24) + "\"}", "no such key");
    mistakes.put("{\"action\":\"list_keys\"}", "\"account\" names the account");

    mistakes.forEach((request, error) -> {
      try {
        assertThat((String) invoke(request).get("error")).as(request).contains(error);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    assertThat(test.snapshot()).isEqualTo(before);
    assertThat(logLines()).hasSize(mistakes.size()).allSatisfy(line -> assertThat(Json.readObject(line))
        .containsEntry("level", "WARN").containsEntry("outcome", "refused")).noneMatch(line -> line.contains(key));
  }
}

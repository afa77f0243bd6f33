package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.app.WebhookSettings;
import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestClient;
import dev.couponapi.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /v1/webhook_endpoints (docs/events.md, "Webhook endpoints"), as a deployment runs it: public URLs only. */
class WebhookEndpointTest {

  private static final Tenant TEST = new Tenant("acct_hooks", false);
  private static final Tenant LIVE = new Tenant("acct_hooks", true);
  private static final Tenant OTHER = new Tenant("acct_else", false);
  private static final String CREATE = "url=https://hooks.example.com/stripe&enabled_events[]=coupon.created";

  private final TestApp test = TestApp.withWebhooks(WebhookSettings.STANDARD);
  private final TestClient client = test.client(TEST);

  @Test
  void create_showsTheSecretOnce_retrieveUpdateListDelete_asStripeShapesThem() {
    Map<String, Object> created = client.ok("/v1/webhook_endpoints", CREATE
        + "&enabled_events[]=coupon.updated&api_version=2025-02-24.acacia&description=Orders&metadata[team]=growth");
    String id = (String) created.get("id");
    assertThat(id).matches("we_[A-Za-z0-9]{24}");
    assertThat(created.keySet()).containsExactly("id", "object", "api_version", "application", "created", "description",
        "enabled_events", "livemode", "metadata", "secret", "status", "url");
    assertThat(created).containsEntry("object", "webhook_endpoint").containsEntry("api_version", "2025-02-24.acacia")
        .containsEntry("status", "enabled").containsEntry("livemode", false).containsEntry("description", "Orders")
        .containsEntry("enabled_events", List.of("coupon.created", "coupon.updated"))
        .containsEntry("url", "https://hooks.example.com/stripe").containsEntry("metadata", Map.of("team", "growth"));
    assertThat((String) created.get("secret")).matches("whsec_[A-Za-z0-9]{32}");

    Map<String, Object> retrieved = client.okGet("/v1/webhook_endpoints/" + id);
    assertThat(retrieved).doesNotContainKey("secret");
    Map<String, Object> withoutSecret = new java.util.LinkedHashMap<>(created);
    withoutSecret.remove("secret");
    assertThat(retrieved).isEqualTo(withoutSecret);

    Map<String, Object> updated = client.ok("/v1/webhook_endpoints/" + id,
        "disabled=true&enabled_events[]=*&description=&url=https://hooks.example.com/v2");
    assertThat(updated).containsEntry("status", "disabled").containsEntry("enabled_events", List.of("*"))
        .containsEntry("url", "https://hooks.example.com/v2").containsEntry("api_version", "2025-02-24.acacia");
    assertThat(updated.get("description")).isNull();
    assertThat(client.ok("/v1/webhook_endpoints/" + id, "disabled=false"))
        .containsEntry("status", "enabled");

    Map<String, Object> listed = client.okGet("/v1/webhook_endpoints");
    assertThat(listed).containsEntry("object", "list").containsEntry("url", "/v1/webhook_endpoints")
        .containsEntry("has_more", false);
    assertThat((List<?>) listed.get("data")).hasSize(1);

    assertThat(TestClient.ok(client.delete("/v1/webhook_endpoints/" + id)))
        .isEqualTo(Map.of("id", id, "object", "webhook_endpoint", "deleted", true));
    assertThat(client.get("/v1/webhook_endpoints/" + id).status()).isEqualTo(404);
    assertThat(client.delete("/v1/webhook_endpoints/" + id).status()).isEqualTo(404);
  }

  @Test
  void anIdempotentReplay_ofTheCreate_givesTheSameEndpointAndSecret() {
    Map<String, Object> first = client.header("Idempotency-Key", "we-1").ok("/v1/webhook_endpoints", CREATE);
    Map<String, Object> again = client.header("Idempotency-Key", "we-1").ok("/v1/webhook_endpoints", CREATE);
    assertThat(again).isEqualTo(first);
    assertThat((List<?>) client.okGet("/v1/webhook_endpoints").get("data")).hasSize(1);
  }

  @Test
  void sixteenPerAccountAndMode_theSeventeenthIsA400_andADeleteMakesRoom() {
    String last = null;
    for (int i = 0; i < 16; i++) {
      last = (String) client.ok("/v1/webhook_endpoints", CREATE).get("id");
    }
    var before = test.snapshot();
    ApiResponse seventeenth = client.post("/v1/webhook_endpoints", CREATE);
    assertThat(seventeenth.status()).isEqualTo(400);
    assertThat(seventeenth.bodyText()).contains("invalid_request_error").contains("16 webhook endpoints");
    assertThat(test.snapshot()).isEqualTo(before);
    // the other mode and another account have their own 16
    client.as(LIVE).ok("/v1/webhook_endpoints", CREATE);
    client.as(OTHER).ok("/v1/webhook_endpoints", CREATE);
    TestClient.ok(client.delete("/v1/webhook_endpoints/" + last));
    client.ok("/v1/webhook_endpoints", CREATE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "url=http://127.0.0.1:4242/hook", "url=http://localhost/hook", "url=http://10.0.0.8/hook",
      "url=http://169.254.169.254/latest/meta-data", "url=http://[::1]/hook", "url=http://[fd00::1]/hook",
      "url=http://0.0.0.0/hook", "url=http://192.168.1.10/hook", "url=http://172.16.0.1/hook",
      "url=https://user:pass@hooks.example.com/hook", "url=ftp://hooks.example.com/hook", "url=/relative/hook",
      "url=not%20a%20url", "url=", "enabled_events[]=coupon.created"})
  void aRefusedUrl_isA400NamingUrl_andWritesNothing(String url) {
    var before = test.snapshot();
    String body = url.startsWith("enabled_events") ? url : url + "&enabled_events[]=coupon.created";
    ApiResponse response = client.post("/v1/webhook_endpoints", body);
    assertThat(response.status()).as(response.bodyText()).isEqualTo(400);
    assertThat(TestApp.body(response).toString()).contains("param=url");
    assertThat(test.snapshot()).isEqualTo(before);
  }

  @Test
  void otherBadInput_isA400NamingItsParameter_andWritesNothing() {
    var before = test.snapshot();
    assertThat(error("url=https://hooks.example.com/x")).contains("param=enabled_events");
    assertThat(error("url=https://hooks.example.com/x&enabled_events[]=coupon.exploded"))
        .contains("param=enabled_events");
    assertThat(error(CREATE + "&api_version=2099-13-45.nope")).contains("param=api_version");
    assertThat(error(CREATE + "&connect=true")).contains("param=connect");
    assertThat(error(CREATE + "&secret=whsec_mine")).contains("secret");
    assertThat(error("url=https://hooks.example.com/" + "x".repeat(2048) + "&enabled_events[]=*")).contains("url");
    ApiResponse live = client.as(LIVE).post("/v1/webhook_endpoints",
        "url=http://hooks.example.com/x&enabled_events[]=*");
    assertThat(live.status()).isEqualTo(400);
    assertThat(live.bodyText()).contains("https");
    assertThat(test.snapshot()).isEqualTo(before);
    String id = (String) client.ok("/v1/webhook_endpoints", CREATE).get("id");
    var after = test.snapshot();
    assertThat(client.post("/v1/webhook_endpoints/" + id, "url=http://10.1.2.3/x").status())
        .isEqualTo(400);
    assertThat(client.post("/v1/webhook_endpoints/" + id, "api_version=2025-02-24.acacia").status())
        .isEqualTo(400);
    assertThat(client.post("/v1/webhook_endpoints/" + id, "enabled_events[]=nope").status())
        .isEqualTo(400);
    assertThat(test.snapshot()).isEqualTo(after);
  }

  private String error(String body) {
    ApiResponse response = client.post("/v1/webhook_endpoints", body);
    assertThat(response.status()).as(response.bodyText()).isEqualTo(400);
    return TestApp.body(response).toString();
  }

  @Test
  void anotherTenantsEndpoint_isNotThere() {
    String id = (String) client.ok("/v1/webhook_endpoints", CREATE).get("id");
    for (Tenant stranger : List.of(OTHER, LIVE)) {
      assertThat(client.as(stranger).get("/v1/webhook_endpoints/" + id).status()).isEqualTo(404);
      assertThat(client.as(stranger).post("/v1/webhook_endpoints/" + id, "disabled=true").status())
          .isEqualTo(404);
      assertThat(client.as(stranger).delete("/v1/webhook_endpoints/" + id).status()).isEqualTo(404);
      assertThat(TestApp.body(client.as(stranger).get("/v1/webhook_endpoints")).get("data"))
          .isEqualTo(List.of());
    }
    assertThat(client.okGet("/v1/webhook_endpoints/" + id)).containsEntry("status", "enabled");
  }

  @Test
  void callBudgets_createAndDeleteAreOneTransaction_updateReadsThenPuts() {
    test.calls.reset();
    String id = (String) client.ok("/v1/webhook_endpoints", CREATE).get("id");
    assertThat(test.calls.operations()).containsExactly("TransactWriteItems");
    test.calls.reset();
    client.okGet("/v1/webhook_endpoints/" + id);
    assertThat(test.calls.operations()).containsExactly("GetItem");
    test.calls.reset();
    client.ok("/v1/webhook_endpoints/" + id, "disabled=true");
    assertThat(test.calls.operations()).containsExactly("GetItem", "PutItem");
    test.calls.reset();
    client.okGet("/v1/webhook_endpoints");
    assertThat(test.calls.operations()).containsExactly("Query", "BatchGetItem");
    test.calls.reset();
    TestClient.ok(client.delete("/v1/webhook_endpoints/" + id));
    assertThat(test.calls.operations()).containsExactly("TransactWriteItems");
    test.calls.reset();
    client.post("/v1/webhook_endpoints", "url=http://10.0.0.1/x&enabled_events[]=*");
    assertThat(test.calls.operations()).isEmpty();
  }
}

package dev.couponapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.couponapi.domain.Tenant;
import dev.couponapi.service.ApiKeyService;
import dev.couponapi.testing.TestApp;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Each account's keys report under its own usage key (docs/hosting.md, H1.6): the admin action
 * makes one in API Gateway with the account's first key, adds it to the usage plan, and keeps it;
 * a revoke or roll flushes the stage's cached authorizer decisions (H2.1). API Gateway is a fake on
 * loopback that records the signed calls it gets.
 */
class ApiGatewayManagementTest {

  private record Call(String method, String path, String authorization, Map<String, Object> body) {}

  private final List<Call> calls = new ArrayList<>();
  private final HttpServer apiGateway = fakeApiGateway();
  private final TestApp test = new TestApp();
  private final ApiGatewayManagement gateway = new ApiGatewayManagement(
      URI.create("http://127.0.0.1:" + apiGateway.getAddress().getPort()), "eu-west-1",
      new ApiGatewayManagement.Deployment("plan123", "api456", "live"),
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
      UrlConnectionHttpClient.create());
  private final ApiKeyService keys = new ApiKeyService(test.app.apiKeyStore(), gateway, gateway, test.clock);

  @AfterEach
  void stop() {
    apiGateway.stop(0);
  }

  @Test
  void anAccountsFirstKey_makesItsUsageKeyInThePlan_andItsLaterKeysShareIt() {
    Tenant one = new Tenant("acct_one", false);
    String first = keys.mint(one, null);
    String second = keys.mint(one, null);
    String other = keys.mint(new Tenant("acct_two", false), null);
    String live = keys.mint(new Tenant("acct_one", true), null);

    assertThat(calls).extracting(Call::method, Call::path).containsExactly(
        org.assertj.core.groups.Tuple.tuple("POST", "/apikeys"), org.assertj.core.groups.Tuple.tuple("POST", "/usageplans/plan123/keys"),
        org.assertj.core.groups.Tuple.tuple("POST", "/apikeys"), org.assertj.core.groups.Tuple.tuple("POST", "/usageplans/plan123/keys"),
        org.assertj.core.groups.Tuple.tuple("POST", "/apikeys"), org.assertj.core.groups.Tuple.tuple("POST", "/usageplans/plan123/keys"));
    assertThat(calls).allSatisfy(call -> assertThat(call.authorization())
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/eu-west-1/apigateway/aws4_request"));
    String oneUsage = (String) calls.get(0).body().get("value");
    assertThat(calls.get(0).body()).containsEntry("enabled", true).containsEntry("name", "couponapi-acct_one-test");
    assertThat(calls.get(1).body()).containsEntry("keyId", "key1").containsEntry("keyType", "API_KEY");
    assertThat(test.app.apiKeyStore().find(first).orElseThrow().usageKey()).isEqualTo(oneUsage);
    assertThat(test.app.apiKeyStore().find(second).orElseThrow().usageKey()).isEqualTo(oneUsage);
    assertThat(test.app.apiKeyStore().find(other).orElseThrow().usageKey()).isNotEqualTo(oneUsage).isNotNull();
    assertThat(test.app.apiKeyStore().find(live).orElseThrow().usageKey()).isNotEqualTo(oneUsage).isNotNull();
  }

  @Test
  void aUsageKeyGivenByTheOperator_isUsedAsItIs() {
    String key = keys.mint(new Tenant("acct_three", false), "operators-own-usage-key-000");
    assertThat(calls).isEmpty();
    assertThat(test.app.apiKeyStore().find(key).orElseThrow().usageKey()).isEqualTo("operators-own-usage-key-000");
  }

  @Test
  void aRevokeAndARoll_eachFlushTheStagesAuthorizerCache() {
    Tenant tenant = new Tenant("acct_four", false);
    String first = keys.mint(tenant, "operators-own-usage-key-000");
    String second = keys.mint(tenant, "operators-own-usage-key-000");

    keys.revoke(null, first);
    keys.roll(second, 24);

    assertThat(calls).extracting(Call::method, Call::path).containsExactly(
        org.assertj.core.groups.Tuple.tuple("DELETE", "/restapis/api456/stages/live/cache/authorizers"),
        org.assertj.core.groups.Tuple.tuple("DELETE", "/restapis/api456/stages/live/cache/authorizers"));
    assertThat(calls).allSatisfy(call -> assertThat(call.authorization()).startsWith("AWS4-HMAC-SHA256 "));
  }

  private HttpServer fakeApiGateway() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (calls) {
          calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Authorization"), text.isEmpty() ? Map.of() : Json.readObject(text)));
        }
        byte[] answer = exchange.getRequestURI().getPath().equals("/apikeys")
            ? Json.write(Map.of("id", "key" + calls.stream().filter(c -> c.path().equals("/apikeys")).count()))
            : "{}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(201, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

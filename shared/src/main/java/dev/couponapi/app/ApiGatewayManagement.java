package dev.couponapi.app;

import dev.couponapi.api.Ids;
import dev.couponapi.domain.Tenant;
import dev.couponapi.service.AuthorizerDecisions;
import dev.couponapi.service.UsageKeys;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * What the admin function asks of API Gateway's management API, signed with the function's
 * credentials (Signature Version 4): an account's own usage key (docs/hosting.md, H1.6),
 * {@code POST /apikeys} (enabled, a random value) and {@code POST /usageplans/{plan}/keys}; and,
 * after a key is revoked or rolled, {@code DELETE /restapis/{api}/stages/{stage}/cache/authorizers},
 * so that the stage forgets the decisions it cached (H2.1). Called through the REST API with the
 * SDK's signer and HTTP client, which this deployment already carries, rather than the API Gateway
 * SDK module.
 */
public final class ApiGatewayManagement implements UsageKeys, AuthorizerDecisions {

  /** The deployment's parts this works on: its usage plan, its REST API and stage. */
  public record Deployment(String usagePlanId, String restApiId, String stage) {}

  private final URI endpoint;
  private final String region;
  private final Deployment deployment;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http;

  public ApiGatewayManagement(URI endpoint, String region, Deployment deployment, AwsCredentialsProvider credentials,
      SdkHttpClient http) {
    this.endpoint = endpoint;
    this.region = region;
    this.deployment = deployment;
    this.credentials = credentials;
    this.http = http;
  }

  /**
   * The deployment of USAGE_PLAN_ID, REST_API_ID and STAGE_NAME in AWS_REGION, or empty where there
   * is none (locally).
   */
  public static java.util.Optional<ApiGatewayManagement> fromEnvironment() {
    String plan = Env.get("USAGE_PLAN_ID");
    String region = Env.get("AWS_REGION");
    if (plan == null || region == null) {
      return java.util.Optional.empty();
    }
    URI endpoint = URI.create(Env.get("AWS_ENDPOINT_URL_API_GATEWAY",
        "https://apigateway." + region + ".amazonaws.com"));
    return java.util.Optional.of(new ApiGatewayManagement(endpoint, region,
        new Deployment(plan, Env.get("REST_API_ID"), Env.get("STAGE_NAME")), DefaultCredentialsProvider.builder().build(),
        UrlConnectionHttpClient.builder().connectionTimeout(App.CONNECT_TIMEOUT).socketTimeout(App.attemptTimeout())
            .build()));
  }

  /** The stage's cached authorizer decisions, flushed. */
  @Override
  public void forget() {
    if (deployment.restApiId() == null || deployment.stage() == null) {
      throw new IllegalStateException("REST_API_ID and STAGE_NAME name the stage whose decisions to forget");
    }
    call(SdkHttpMethod.DELETE, "/restapis/" + deployment.restApiId() + "/stages/" + deployment.stage()
        + "/cache/authorizers", null);
  }

  @Override
  public UsageKey create(Tenant tenant) {
    String value = Ids.random(40);
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("name", "couponapi-" + tenant.account() + "-" + tenant.mode());
    key.put("description", "Meters " + tenant.account() + " (" + tenant.mode() + ") on its own");
    key.put("enabled", true);
    key.put("value", value);
    String id = (String) call(SdkHttpMethod.POST, "/apikeys", key).get("id");
    call(SdkHttpMethod.POST, "/usageplans/" + deployment.usagePlanId() + "/keys", Map.of("keyId", id, "keyType", "API_KEY"));
    return new UsageKey(id, value);
  }

  @Override
  public void delete(UsageKey key) {
    call(SdkHttpMethod.DELETE, "/apikeys/" + key.id(), null);
  }

  private Map<String, Object> call(SdkHttpMethod method, String path, Map<String, Object> body) {
    byte[] payload = body == null ? new byte[0] : Json.write(body);
    SdkHttpRequest request = SdkHttpRequest.builder().method(method).uri(endpoint.resolve(path))
        .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json").build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign.identity(credentials.resolveCredentials())
        .request(request).payload(ContentStreamProvider.fromByteArray(payload))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "apigateway")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    try {
      HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
          .contentStreamProvider(signed.payload().orElse(null)).build()).call();
      String text;
      InputStream in = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream());
      try (in) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!response.httpResponse().isSuccessful()) {
        throw new IllegalStateException("API Gateway answered " + response.httpResponse().statusCode() + " to "
            + method + " " + path + ": " + text);
      }
      return text.isBlank() ? Map.of() : Json.readObject(text);
    } catch (IOException unreachable) {
      throw new UncheckedIOException(unreachable);
    }
  }
}

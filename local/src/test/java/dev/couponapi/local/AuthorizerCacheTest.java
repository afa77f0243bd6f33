package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.ApiKeys;
import dev.couponapi.domain.Tenant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The local gateway caches authorizer decisions as API Gateway does (template.yaml's
 * ReauthorizeEvery, 300 s, by the Authorization header): one key lookup per key and period, Allow
 * and Deny alike, and a revoked key keeps working until its decision expires.
 */
class AuthorizerCacheTest {

  private final LocalApi api = new LocalApi();

  @AfterEach
  void stop() {
    api.close();
  }

  private long keyLookups() {
    return api.test.calls.requests().stream().filter(GetItemRequest.class::isInstance).map(GetItemRequest.class::cast)
        .filter(request -> request.key().get("pk").s().startsWith("apikey#")).count();
  }

  @Test
  void oneKeyLookupPerKeyAndPeriod_andARevokedKeyWorksUntilItsDecisionExpires() {
    assertThat(LocalApi.template().authorizerTtlSeconds()).isEqualTo(300);
    String key = api.keyFor(new Tenant("acct_cache", false));
    api.test.calls.reset();
    for (int i = 0; i < 5; i++) {
      assertThat(api.send("GET", "/v1/coupons", key, null).statusCode()).isEqualTo(200);
    }
    assertThat(keyLookups()).isEqualTo(1);

    // revoked: its record is gone, but the cached Allow stands until the period ends, as deployed
    api.test.dynamo.deleteItem(request -> request.tableName(api.test.table)
        .key(Map.of("pk", AttributeValue.fromS("apikey#" + ApiKeys.hash(key)))));
    api.gatewayMillis.addAndGet(299_000);
    assertThat(api.send("GET", "/v1/coupons", key, null).statusCode()).isEqualTo(200);
    api.gatewayMillis.addAndGet(2_000);
    assertThat(api.send("GET", "/v1/coupons", key, null).statusCode()).isEqualTo(401);
    assertThat(keyLookups()).isEqualTo(2);
  }

  @Test
  void aDenyIsCachedToo_andEachIdentityHasItsOwnDecision() {
    String unknown = "sk_test_00000000000000000000abcd";
    api.test.calls.reset();
    assertThat(api.send("GET", "/v1/coupons", unknown, null).statusCode()).isEqualTo(401);
    assertThat(api.send("GET", "/v1/coupons", unknown, null).body()).contains("Invalid API Key provided");
    assertThat(keyLookups()).isEqualTo(1);
    String known = api.keyFor(new Tenant("acct_cache2", false));
    assertThat(api.send("GET", "/v1/coupons", known, null).statusCode()).isEqualTo(200);
    assertThat(keyLookups()).isEqualTo(2);
  }
}

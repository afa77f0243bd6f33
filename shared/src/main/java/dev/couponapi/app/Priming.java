package dev.couponapi.app;

import dev.couponapi.http.Pipeline;
import dev.couponapi.http.ProxyEvent;
import dev.couponapi.domain.Tenant;
import dev.couponapi.wire.Json;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Warms what every first request pays for, before SnapStart takes its snapshot: the pipeline's
 * form decoding, validation and JSON rendering (a coupon create that fails validation, a list,
 * an error), and the SDK's marshalling and HTTP client (a read of a key that never exists).
 * Nothing is written.
 */
final class Priming implements Resource {

  /** A tenant no API key can name: its reads find nothing, and nothing is written for it. */
  static final Tenant NOBODY = new Tenant("acct_priming", false);

  private final App app;

  private Priming(App app) {
    this.app = app;
  }

  /** Registers priming for the next checkpoint; the global context holds resources weakly, so keep it. */
  static Priming register(App app) {
    Priming priming = new Priming(app);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing to refresh: clients and pools are created per request path on first use
  }

  /** The priming itself; callable on its own (tests check that it reads and never writes). */
  void prime() {
    Pipeline pipeline = app.pipeline();
    // a create that fails validation after decoding every kind of parameter: no store call
    pipeline.handle(app.operation("CreateCouponFunction"), ProxyEvent.of("POST", "/v1/coupons", Map.of(),
        "percent_off=25.5&duration=repeating&duration_in_months=3&name=Prime&metadata[k]=v"
            + "&applies_to[products][]=prod_A&expand[]=applies_to&redeem_by=1", NOBODY));
    // a retrieve and a list of a tenant that has nothing: GetItem and Query, JSON out
    pipeline.handle(app.operation("RetrieveCouponFunction"), ProxyEvent.of("GET", "/v1/coupons/PRIME", Map.of("coupon", "PRIME"), null,
        NOBODY));
    pipeline.handle(app.operation("ListCouponsFunction"), ProxyEvent.of("GET", "/v1/coupons", Map.of(), null, NOBODY));
    pipeline.handle(app.operation("RetrieveCustomerFunction"), ProxyEvent.of("GET", "/v1/customers/cus_prime",
        Map.of("customer", "cus_prime"), null, NOBODY));
    Json.writeString(Map.of("primed", true));
    DynamoDbClient dynamo = app.dynamo();
    dynamo.getItem(request -> request.tableName(app.tableName())
        .key(Map.of("pk", AttributeValue.fromS("priming#never-written"))));
  }
}

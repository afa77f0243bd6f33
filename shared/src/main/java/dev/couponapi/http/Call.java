package dev.couponapi.http;

import dev.couponapi.domain.Tenant;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.wire.Params;
import java.util.Map;
import java.util.Set;

/** Everything an operation gets: who asks, in which version, with which checked parameters. */
public record Call(
    Tenant tenant,
    ApiVersion version,
    Params params,
    Map<String, String> pathParameters,
    Set<String> expand,
    IdempotencyGuard idempotency) {

  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    return value == null ? "" : value;
  }
}

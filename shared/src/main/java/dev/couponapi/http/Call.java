package dev.couponapi.http;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.domain.Origin;
import dev.couponapi.domain.Tenant;
import dev.couponapi.wire.Params;
import java.time.Instant;
import java.util.Set;

/**
 * Everything an operation gets: who asks, in which version, at which instant (read once per
 * request), with which checked parameters, the id in the path (or ""), and the expansions asked
 * for, relative to the object (or to one list item) the operation renders, and the origin its
 * changes' events record.
 */
public record Call(
    Tenant tenant,
    ApiVersion version,
    Instant now,
    Params params,
    String id,
    Set<String> expand,
    IdempotencyGuard idempotency,
    Origin origin) {}

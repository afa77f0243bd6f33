package dev.couponapi.http;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.service.Change;
import dev.couponapi.domain.Tenant;
import dev.couponapi.wire.Params;
import java.time.Instant;
import java.util.Set;

/**
 * Everything an operation gets: who asks, in which version, at which instant (read once per
 * request), with which checked parameters, the id in the path (or ""), and the expansions asked
 * for, relative to the object (or to one list item) the operation renders; and the change a write
 * hands its service ({@link Change}: the same tenant, version and instant, the request's origin,
 * and its idempotency key's completion); and the key that asks ({@link KeyContext}).
 */
public record Call(
    Tenant tenant,
    ApiVersion version,
    Instant now,
    Params params,
    String id,
    Set<String> expand,
    Change change,
    KeyContext key) {}

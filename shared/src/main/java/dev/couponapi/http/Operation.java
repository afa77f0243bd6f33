package dev.couponapi.http;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.wire.ParamType;
import java.util.Map;
import java.util.Set;

/**
 * One API operation: the parameters it declares for a version, the expansions it allows, and
 * what it does. Handlers name an operation; the {@link Pipeline} does the rest.
 */
public interface Operation {

  /** A short name for logs, such as {@code coupons.create}. */
  String name();

  String method();

  Map<String, ParamType> parameters(ApiVersion version);

  /** Expansion paths this operation accepts in a version (e.g. {@code applies_to}, {@code data.applies_to}). */
  Set<String> expandable(ApiVersion version);

  /** Runs the operation and returns the response body (maps and lists in render order). */
  Object execute(Call call);
}

package dev.couponapi.http;

import dev.couponapi.domain.Permissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the key of a request may do (docs/hosting.md, H2.2; not in Stripe's API, DECISION): the
 * dashboard asks it when it signs in, to offer only what the key may do. Any key may ask; the key
 * itself is only ever shown masked.
 */
public final class KeyPermissionsResource implements Resource {

  static final String URL = "/v1/key_permissions";

  /** No group: its one operation needs no permission. */
  @Override
  public Permissions.Group group() {
    return null;
  }

  @Override
  public List<Operation> operations() {
    return List.of(retrieve());
  }

  public Operation retrieve() {
    return Operation.get("RetrieveKeyPermissionsFunction", URL, "key_permissions.retrieve")
        .needs(Permissions.Level.NONE).run(call -> render(call.key()));
  }

  private static Map<String, Object> render(KeyContext key) {
    Map<String, Object> rendered = new LinkedHashMap<>();
    rendered.put("object", "key_permissions");
    rendered.put("key", key.maskedKey());
    rendered.put("livemode", key.tenant().livemode());
    rendered.put("type", key.restrictedTo() != null ? "restricted" : "secret");
    rendered.put("expires_at", key.expiresAt());
    rendered.put("permissions", key.permissions().wire());
    return rendered;
  }
}

package dev.couponapi.functions;

import dev.couponapi.app.App;

/**
 * The key route (docs/hosting.md, H2.2): one handler, named after its function in template.yaml,
 * with Lambda's constructor and one taking an {@link App} for tests.
 */
public final class KeyFunctions {

  private KeyFunctions() {}

  /** What the request's key may do: `GET /v1/key_permissions`. */
  public static final class RetrieveKeyPermissions extends ApiFunction {
    public RetrieveKeyPermissions() { super(App.fromEnvironment()); }
    public RetrieveKeyPermissions(App app) { super(app); }
  }
}

package dev.couponapi.functions;

import dev.couponapi.app.App;

/**
 * The test clock routes (docs/api.md §7.5): one handler per operation, each named after its
 * function in template.yaml, with Lambda's constructor and one taking an {@link App} for tests.
 */
public final class TestClockFunctions {

  private TestClockFunctions() {}

  /** Makes a test clock: `POST /v1/test_helpers/test_clocks`. */
  public static final class CreateTestClock extends ApiFunction {
    public CreateTestClock() { super(App.fromEnvironment()); }
    public CreateTestClock(App app) { super(app); }
  }

  /** A test clock: `GET /v1/test_helpers/test_clocks/{test_clock}`. */
  public static final class RetrieveTestClock extends ApiFunction {
    public RetrieveTestClock() { super(App.fromEnvironment()); }
    public RetrieveTestClock(App app) { super(app); }
  }

  /** Test clocks, newest first: `GET /v1/test_helpers/test_clocks`. */
  public static final class ListTestClocks extends ApiFunction {
    public ListTestClocks() { super(App.fromEnvironment()); }
    public ListTestClocks(App app) { super(app); }
  }

  /** Deletes a test clock and its customers: `DELETE /v1/test_helpers/test_clocks/{test_clock}`. */
  public static final class DeleteTestClock extends ApiFunction {
    public DeleteTestClock() { super(App.fromEnvironment()); }
    public DeleteTestClock(App app) { super(app); }
  }

  /** Advances a test clock: `POST /v1/test_helpers/test_clocks/{test_clock}/advance`. */
  public static final class AdvanceTestClock extends ApiFunction {
    public AdvanceTestClock() { super(App.fromEnvironment()); }
    public AdvanceTestClock(App app) { super(app); }
  }
}

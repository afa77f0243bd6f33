package dev.couponapi.http;

import dev.couponapi.api.Errors;
import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.TestClock;
import dev.couponapi.service.TestClockService;
import dev.couponapi.store.TestClockStore;
import dev.couponapi.wire.ListParams;
import dev.couponapi.wire.ParamType;
import dev.couponapi.wire.TestClockRenderer;
import java.util.List;
import java.util.Map;

/** The test clock routes (docs/api.md §7.5), test mode only; its events carry the clock. */
public final class TestClockResource implements Resource {

  static final String URL = "/v1/test_helpers/test_clocks";
  private static final String ONE = URL + "/{test_clock}";
  private static final Map<String, ParamType> CREATE = ParamType.declare(
      "frozen_time", ParamType.integer(0, 253_402_300_799L),
      "name", new ParamType.Text(300, false));
  private static final Map<String, ParamType> ADVANCE = ParamType.declare(
      "frozen_time", ParamType.integer(0, 253_402_300_799L));

  private final TestClockService clocks;

  public TestClockResource(TestClockService clocks) {
    this.clocks = clocks;
  }

  @Override
  public Permissions.Group group() {
    return Permissions.Group.SUBSCRIPTIONS;
  }

  @Override
  public List<Operation> operations() {
    return List.of(create(), retrieve(), list(), delete(), advance());
  }

  @Override
  public List<EventKind<?>> events() {
    return List.of(EventKind.of(TestClockStore.SNAPSHOT, (of, version, at) -> TestClockRenderer.render(of.clock()),
        TestClock.CREATED, TestClock.ADVANCING, TestClock.READY, TestClock.DELETED));
  }

  public Operation create() {
    return Operation.post("CreateTestClockFunction", URL, "test_clocks.create").params(CREATE)
        .run(call -> clocks.create(call.change(), frozenTime(call), call.params().text("name")),
            (call, clock) -> TestClockRenderer.render(clock));
  }

  public Operation retrieve() {
    return Operation.get("RetrieveTestClockFunction", ONE, "test_clocks.retrieve")
        .run(call -> TestClockRenderer.render(clocks.retrieve(call.tenant(), call.id())));
  }

  public Operation list() {
    return Operation.get("ListTestClocksFunction", URL, "test_clocks.list").params(ListParams.DECLARED)
        .run(call -> ListParams.envelope(clocks.list(call.tenant(), ListParams.request(call.params())), URL,
            TestClockRenderer::render));
  }

  /** Deletes the clock and its customers: {@code {id, object, deleted: true}}. */
  public Operation delete() {
    return Operation.delete("DeleteTestClockFunction", ONE, "test_clocks.delete").run(call -> {
      clocks.delete(call.change(), call.id());
      return TestClockRenderer.renderDeleted(call.id());
    });
  }

  /** Starts an advance; the clock as it is when the request ends ({@code ready}, or {@code advancing}). */
  public Operation advance() {
    return Operation.post("AdvanceTestClockFunction", ONE + "/advance", "test_clocks.advance").params(ADVANCE)
        .run(call -> TestClockRenderer.render(clocks.advance(call.change(), call.id(), frozenTime(call))));
  }

  private static long frozenTime(Call call) {
    Long frozenTime = call.params().integer("frozen_time");
    if (frozenTime == null) {
      throw Errors.missing("frozen_time");
    }
    return frozenTime;
  }
}

package dev.couponapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.TestApp;
import org.junit.jupiter.api.Test;

/** The SnapStart priming exercises the request paths and the SDK, and never writes. */
class PrimingTest {

  @Test
  void primingReadsButNeverWrites() {
    TestApp test = new TestApp();
    test.calls.reset();
    test.app.prime();
    assertThat(test.calls.operations()).isNotEmpty().allMatch(operation -> operation.equals("GetItem")
        || operation.equals("Query"));
    assertThat(test.snapshot()).isEmpty();
  }
}

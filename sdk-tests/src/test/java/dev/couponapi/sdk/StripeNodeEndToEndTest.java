package dev.couponapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.NodeSuite;
import dev.couponapi.testing.ProjectHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official stripe-node 23.1 (2026-10-28.endive) against the local API: runs the node:test suite
 * in sdk-tests/node, installed from its lock file, with the API's URL and a key in its environment.
 */
class StripeNodeEndToEndTest {

  private static final Path NODE_TESTS = ProjectHome.path().resolve("sdk-tests/node");

  private final LocalServer api = new LocalServer();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theNodeSuite_passes_inTheEndiveVersion() throws Exception {
    if (!Files.exists(NODE_TESTS.resolve("node_modules/stripe/package.json"))) {
      assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), null)).as("npm ci").isZero();
    }
    String key = api.keyFor(new Tenant("acct_node", false));
    // one file at a time: they share one account, and one file's events must not crowd another's lists
    assertThat(run(List.of("node", "--test", "--test-concurrency=1", "test/"), key))
        .as("node --test (its output is above)").isZero();
  }

  private int run(List<String> command, String key) throws Exception {
    return NodeSuite.run(NODE_TESTS, command, key == null ? Map.of()
        : Map.of("COUPONAPI_URL", api.url(), "COUPONAPI_KEY", key));
  }
}

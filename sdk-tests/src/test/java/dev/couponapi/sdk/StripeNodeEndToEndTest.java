package dev.couponapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.ProjectHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    assertThat(run(List.of("node", "--test", "test/"), key)).as("node --test (its output is above)").isZero();
  }

  private int run(List<String> command, String key) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(NODE_TESTS.toFile()).redirectErrorStream(true);
    if (key != null) {
      builder.environment().put("COUPONAPI_URL", api.url());
      builder.environment().put("COUPONAPI_KEY", key);
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish:\n" + output);
    }
    System.out.println(output);
    return process.exitValue();
  }
}

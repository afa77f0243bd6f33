package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.NodeSuite;
import dev.couponapi.testing.ProjectHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The coupon dashboard in a real browser: runs the node:test suite of browser-tests/ (playwright-core
 * from its lock file, Debian's Chromium at /usr/bin/chromium or $CHROMIUM) against
 * {@code ./run-local serve}; screenshots land in local/target/dashboard-screenshots.
 */
class DashboardBrowserTest {

  private static final Path SUITE = ProjectHome.path().resolve("browser-tests");

  @Test
  void theBrowserSuite_passes_againstServe() throws Exception {
    String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    assertThat(Path.of(chromium)).as("Chromium (apt-get install chromium; .ci/run installs it)").exists();
    if (!Files.exists(SUITE.resolve("node_modules/playwright-core/package.json"))) {
      assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), null, null, null)).as("npm ci").isZero();
    }
    try (RunningServe serve = new RunningServe("--in-memory", "--dynamodb-port", "0")) {
      assertThat(serve.printed()).contains("Dashboard        " + serve.url + "/dashboard/");
      String readOnly = restrictedKey(serve, "coupons=read");
      assertThat(run(List.of("node", "--test", "--test-concurrency=1", "test/"), serve.url, serve.key, readOnly))
          .as("node --test (its output is above)").isZero();
    }
  }

  /** A restricted key of the local account, made as a user makes one: ./run-local keys create --restricted. */
  private static String restrictedKey(RunningServe serve, String permissions) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    LocalMain main = new LocalMain(ProjectHome.path(), new java.io.PrintStream(out, true,
        java.nio.charset.StandardCharsets.UTF_8), System.err);
    assertThat(main.run(new String[] {"keys", "create", "--account", "acct_local", "--restricted", permissions,
        "--endpoint", serve.dynamoEndpoint()})).isZero();
    return out.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
  }

  private static int run(List<String> command, String url, String key, String readOnlyKey) throws Exception {
    return NodeSuite.run(SUITE, command, url == null ? Map.of() : Map.of("API_URL", url, "KEY", key,
        "READ_ONLY_KEY", readOnlyKey,
        "SCREENSHOTS", ProjectHome.path().resolve("local/target/dashboard-screenshots").toString()));
  }
}

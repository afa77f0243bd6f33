package dev.couponapi.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Node command run in a folder of the project (npm ci, a node:test suite), its output printed. */
public final class NodeSuite {

  private NodeSuite() {}

  /** Runs {@code command} in {@code folder} with {@code environment} added; its exit code (5 minutes at most). */
  public static int run(Path folder, List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
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

package dev.couponapi.bench;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.app.App;
import dev.couponapi.local.FunctionHost;
import dev.couponapi.local.LocalGateway;
import dev.couponapi.sam.SamTemplate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Load through the local API: this process runs the API (the local gateway, the authorizer and
 * the handlers of template.yaml on DynamoDB Local); {@link LoadGenerator} runs in a second process
 * on loopback, at concurrency 1, 8 and 32, for a bounded time each.
 * Usage: {@code LoadBenchmark [seconds per level]}.
 */
public final class LoadBenchmark {

  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path home = Path.of(System.getProperty("couponapi.home", "."));
    PrintStream console = System.out;
    // the handlers log one line per request; keep them out of the report
    System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
    try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.inMemory(0)) {
      App app = Bench.app(dynamo);
      String key = app.apiKeys().mint(Bench.TENANT, null);
      try (LocalGateway gateway = new LocalGateway(FunctionHost.forApp(SamTemplate.load(home.resolve("template.yaml")),
          app), 0)) {
        console.println("Load: create + retrieve of a coupon per iteration, " + seconds + " s per level, generator in "
            + "a second process on loopback; API, DynamoDB Local and generator share " + Bench.machine());
        for (int concurrency : new int[] {1, 8, 32}) {
          Process generator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName(), gateway.url().toString(), key,
              Integer.toString(concurrency), Integer.toString(seconds)).redirectErrorStream(true).start();
          try (BufferedReader reader = new BufferedReader(new InputStreamReader(generator.getInputStream(),
              StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
              if (line.startsWith("load ")) {
                console.println(line);
              }
            }
          }
          generator.waitFor();
        }
      }
    }
    System.setOut(console);
  }
}

package dev.couponapi.bench;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.app.App;
import dev.couponapi.wire.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start: a fresh JVM per run initialises one handler and serves its first request against
 * DynamoDB Local on loopback; measured from the JVM's start to the first response written. The
 * floor handler (one PutItem, same SDK setup) runs in the same session, interleaved with the
 * others, so drift of the machine affects all alike. Usage: {@code ColdStartBenchmark [runs] [java…]}: each
 * {@code java} (a JDK's home) runs every handler in the same runs, side by side (default: this JVM's).
 */
public final class ColdStartBenchmark {

  private ColdStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    String classpath = System.getProperty("java.class.path");
    try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.inMemory(0)) {
      App app = Bench.app(dynamo);
      Bench.body(app, app.resource(dev.couponapi.http.CouponResource.class).create(), Bench.event("POST", "/v1/coupons", null, "id=BENCH&percent_off=10"));
      Bench.body(app, app.resource(dev.couponapi.http.CouponResource.class).create(), Bench.event("POST", "/v1/coupons", null, "id=APPLY&percent_off=15"));
      String customer = Bench.id(Bench.body(app, app.resource(dev.couponapi.http.CustomerResource.class).create(), Bench.event("POST", "/v1/customers", null,
          "name=bench")));
      Path events = Files.createTempDirectory("cold-start-events");
      Map<String, String[]> targets = new LinkedHashMap<>();
      targets.put("floor (1 PutItem)", new String[] {FloorHandler.class.getName(),
          write(events, "floor", Bench.event("POST", "/floor", null, "x=1"))});
      targets.put("create coupon", new String[] {"dev.couponapi.functions.CouponFunctions$CreateCoupon",
          write(events, "create", Bench.event("POST", "/v1/coupons", null, "percent_off=25&duration=once"))});
      targets.put("retrieve coupon", new String[] {"dev.couponapi.functions.CouponFunctions$RetrieveCoupon",
          write(events, "retrieve", Bench.event("GET", "/v1/coupons/BENCH", Map.of("coupon", "BENCH"), null))});
      targets.put("apply discount", new String[] {"dev.couponapi.functions.CustomerFunctions$UpdateCustomer",
          write(events, "apply", Bench.event("POST", "/v1/customers/" + customer, Map.of("customer", customer),
              "coupon=APPLY"))});

      List<String> javas = args.length > 1 ? List.of(args).subList(1, args.length)
          : List.of(System.getProperty("java.home"));
      // per JDK and handler: first response from JVM start, the first request alone, and primed
      Map<String, Map<String, List<Long>>> firstResponse = new LinkedHashMap<>();
      Map<String, Map<String, List<Long>>> firstRequest = new LinkedHashMap<>();
      Map<String, Map<String, List<Long>>> primedRequest = new LinkedHashMap<>();
      for (String java : javas) {
        for (Map<String, Map<String, List<Long>>> table : List.of(firstResponse, firstRequest, primedRequest)) {
          Map<String, List<Long>> byHandler = new LinkedHashMap<>();
          targets.keySet().forEach(name -> byHandler.put(name, new ArrayList<>()));
          table.put(java, byHandler);
        }
      }
      for (int run = 0; run < runs; run++) {
        for (String java : javas) {
          for (Map.Entry<String, String[]> target : targets.entrySet()) {
            long[] plain = probe(java, classpath, dynamo, target.getValue(), false);
            firstResponse.get(java).get(target.getKey()).add(plain[0]);
            firstRequest.get(java).get(target.getKey()).add(plain[1]);
            primedRequest.get(java).get(target.getKey()).add(probe(java, classpath, dynamo, target.getValue(), true)[1]);
          }
        }
      }
      System.out.println("Cold start: JVM start → first response written, " + runs + " fresh JVMs each per JDK, "
          + "interleaved (" + Bench.machine() + ")");
      System.out.println("JVM flags as deployed: -XX:+TieredCompilation -XX:TieredStopAtLevel=1");
      StringBuilder header = new StringBuilder(String.format("%-20s", "handler"));
      javas.forEach(java -> header.append(String.format(" | %-26s", version(java))));
      System.out.println(header);
      for (String name : targets.keySet()) {
        StringBuilder row = new StringBuilder(String.format("%-20s", name));
        for (String java : javas) {
          Bench.Stats stats = Bench.Stats.of(firstResponse.get(java).get(name));
          Bench.Stats floor = Bench.Stats.of(firstResponse.get(java).get("floor (1 PutItem)"));
          row.append(String.format(" | median %5d ms (%4.2fx)   ", stats.median(), (double) stats.median() / floor.median()));
        }
        System.out.println(row);
      }
      System.out.println();
      System.out.println("First request alone (ms, median of " + runs + "), without and with the SnapStart priming before it");
      System.out.println(header);
      for (String name : targets.keySet()) {
        StringBuilder row = new StringBuilder(String.format("%-20s", name));
        for (String java : javas) {
          row.append(String.format(" | %5d unprimed, %5d primed", Bench.Stats.of(firstRequest.get(java).get(name))
              .median(), Bench.Stats.of(primedRequest.get(java).get(name)).median()));
        }
        System.out.println(row);
      }
    }
  }

  /** A JDK's version, as its {@code release} file names it. */
  private static String version(String javaHome) {
    try {
      return Files.readAllLines(Path.of(javaHome, "release")).stream().filter(line -> line.startsWith("JAVA_VERSION="))
          .map(line -> "JDK " + line.substring("JAVA_VERSION=".length()).replace("\"", "")).findFirst().orElse(javaHome);
    } catch (java.io.IOException unreadable) {
      return javaHome;
    }
  }

  private static String write(Path dir, String name, Map<String, Object> event) throws Exception {
    Path file = dir.resolve(name + ".json");
    Files.write(file, Json.write(event));
    return file.toString();
  }

  /** {first response ms from JVM start, first request's own ms}. */
  private static long[] probe(String javaHome, String classpath, DynamoDbLocalServer dynamo, String[] target,
      boolean prime) throws Exception {
    Process process = new ProcessBuilder(Path.of(javaHome, "bin", "java").toString(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
        "-cp", classpath,
        "-DTABLE_NAME=" + Bench.TABLE, "-DAWS_ENDPOINT_URL_DYNAMODB=" + dynamo.endpoint(), "-Daws.region=us-east-1",
        "-Daws.accessKeyId=bench", "-Daws.secretAccessKey=bench",
        ColdStartProbe.class.getName(), target[0], target[1], prime ? "prime" : "plain")
        .redirectErrorStream(true).start();
    String result = null;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.startsWith("probe ")) {
          result = line;
        }
      }
    }
    if (process.waitFor() != 0 || result == null || !result.endsWith("status=200")) {
      throw new IllegalStateException("cold-start probe of " + target[0] + " failed: " + result);
    }
    return new long[] {Long.parseLong(result.replaceAll(".*first_response_ms=(\\d+).*", "$1")),
        Long.parseLong(result.replaceAll(".*first_request_ms=(\\d+).*", "$1"))};
  }
}

package dev.couponapi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The load generator, run as its own process: {@code concurrency} workers each repeat "create a
 * coupon, retrieve it" against the API for {@code seconds}, then stop. Prints one line: requests,
 * throughput, p50 and p99 latency, errors. Usage: {@code LoadGenerator URL KEY CONCURRENCY SECONDS}.
 */
public final class LoadGenerator {

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String key = args[1];
    int concurrency = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(concurrency + 2)).build();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Integer> errors = Collections.synchronizedList(new ArrayList<>());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    for (int w = 0; w < concurrency; w++) {
      workers.submit(() -> {
        while (System.nanoTime() < deadline) {
          String created = send(http, HttpRequest.newBuilder(URI.create(url + "/v1/coupons"))
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("percent_off=10&duration=once")), latencies, errors);
          if (created == null) {
            continue;
          }
          String id = created.replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");
          send(http, HttpRequest.newBuilder(URI.create(url + "/v1/coupons/" + id))
              .header("Authorization", "Bearer " + key).GET(), latencies, errors);
        }
        return null;
      });
    }
    workers.shutdown();
    workers.awaitTermination(seconds + 60, TimeUnit.SECONDS);
    long[] sorted = Bench.sorted(latencies.stream().map(nanos -> nanos / 1000).toList());
    System.out.printf("load concurrency=%d requests=%d throughput=%.0f/s p50=%.2fms p99=%.2fms errors=%d%n",
        concurrency, sorted.length, sorted.length / (double) seconds, Bench.Stats.percentile(sorted, 50) / 1000.0,
        Bench.Stats.percentile(sorted, 99) / 1000.0, errors.size());
    System.exit(0);
  }

  private static String send(HttpClient http, HttpRequest.Builder request, List<Long> latencies, List<Integer> errors) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      latencies.add(System.nanoTime() - start);
      if (response.statusCode() != 200) {
        errors.add(response.statusCode());
        return null;
      }
      return response.body();
    } catch (Exception failed) {
      errors.add(-1);
      return null;
    }
  }
}

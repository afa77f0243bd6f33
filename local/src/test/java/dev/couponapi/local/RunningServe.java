package dev.couponapi.local;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code ./run-local serve …} in a thread of the test, as a user starts it: its banner read for the URL and key. */
final class RunningServe implements AutoCloseable {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
  private final Thread serving;
  private final HttpClient http = HttpClient.newHttpClient();
  final String url;
  final String key;

  RunningServe(String... options) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    PrintStream out = new PrintStream(new OutputStream() {
      public void write(int b) {
        synchronized (printed) {
          printed.write(b);
          if (b == '\n') {
            printed.notifyAll();
            if (printed().contains("Stop with Ctrl-C.")) {
              started.countDown();
            }
          }
        }
      }
    }, true, StandardCharsets.UTF_8);
    LocalMain main = new LocalMain(LocalApi.home(), out, new PrintStream(errors, true, StandardCharsets.UTF_8));
    String[] args = new String[options.length + 5];
    args[0] = "serve";
    args[1] = "--port";
    args[2] = "0";
    args[3] = "--data";
    args[4] = Files.createTempDirectory("serve").toString();
    System.arraycopy(options, 0, args, 5, options.length);
    serving = new Thread(() -> main.run(args));
    serving.setDaemon(true);
    serving.start();
    if (!started.await(60, TimeUnit.SECONDS)) {
      throw new AssertionError("serve did not start: " + printed() + errors);
    }
    url = field("Coupons API");
    key = field("Test key");
  }

  /** The DynamoDB Local this serve started (its banner's), for the command line to reach. */
  String dynamoEndpoint() {
    return field("DynamoDB Local");
  }

  /**
   * Waits (at most {@code seconds}) until serve has printed a line containing {@code text} after the
   * first {@code after} characters of its output; whether it did.
   */
  boolean awaitPrinted(String text, int after, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    synchronized (printed) {
      while (!printed().substring(after).contains(text)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(printed, left);
      }
      return true;
    }
  }

  String printed() {
    synchronized (printed) {
      return printed.toString(StandardCharsets.UTF_8);
    }
  }

  private String field(String label) {
    return printed().lines().filter(line -> line.startsWith(label)).map(line -> line.split("\\s+")[2]).findFirst()
        .orElseThrow();
  }

  HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    return sendAs(key, method, path, body, headers);
  }

  HttpResponse<String> sendAs(String key, String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + key)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws InterruptedException {
    serving.interrupt();
    serving.join(10_000);
  }
}

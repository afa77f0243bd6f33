package dev.couponapi.bench;

import dev.couponapi.app.App;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM: creates one handler as Lambda would (no-argument constructor, configured by
 * the environment) and serves one event. Prints, in milliseconds from the JVM's start: when the
 * handler was ready and when its first response was written; the first request's own duration;
 * and the response's status. With a third argument {@code prime}, the SnapStart priming runs
 * between init and the first request, as it does before a snapshot: the first request then costs
 * what it costs right after a restore.
 */
public final class ColdStartProbe {

  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    byte[] event = Files.readAllBytes(Path.of(args[1]));
    RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    if (args.length > 2 && args[2].equals("prime") && !(handler instanceof FloorHandler)) {
      dev.couponapi.app.App.fromEnvironment().prime();
    }
    long ready = System.currentTimeMillis();
    long requestStart = System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, null);
    long requestMillis = (System.nanoTime() - requestStart) / 1_000_000;
    long answered = System.currentTimeMillis();
    String response = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    String status = response.replaceAll("(?s).*\"statusCode\":(\\d+).*", "$1");
    System.out.println("probe init_ms=" + (ready - jvmStart) + " first_response_ms=" + (answered - jvmStart)
        + " first_request_ms=" + requestMillis + " status=" + status);
  }
}

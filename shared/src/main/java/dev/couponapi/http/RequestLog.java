package dev.couponapi.http;

import dev.couponapi.wire.Json;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** One structured line per request, never a request body (it may carry customer data). */
public final class RequestLog {

  private final PrintStream out;

  public RequestLog(PrintStream out) {
    this.out = out;
  }

  public void request(String requestId, String operation, int status, long millis) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("level", status >= 500 ? "ERROR" : "INFO");
    line.put("request_id", requestId);
    line.put("operation", operation);
    line.put("status", (long) status);
    line.put("ms", millis);
    out.println(Json.writeString(line));
  }

  public void failure(String requestId, String operation, Throwable error) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("level", "ERROR");
    line.put("request_id", requestId);
    line.put("operation", operation);
    line.put("error", error.getClass().getName());
    line.put("message", String.valueOf(error.getMessage()));
    out.println(Json.writeString(line));
  }
}

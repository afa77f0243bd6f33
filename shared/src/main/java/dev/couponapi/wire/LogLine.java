package dev.couponapi.wire;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One structured log line: level, operation, then the fields in the order given (a null value is
 * left out), written as one JSON object. Every function and the local runner log through it, so
 * every line has the same shape; nothing a client sent (bodies, keys) belongs in one.
 */
public final class LogLine {

  private final Map<String, Object> fields = new LinkedHashMap<>();

  private LogLine(String level, String operation) {
    fields.put("level", level);
    fields.put("operation", operation);
  }

  public static LogLine info(String operation) {
    return new LogLine("INFO", operation);
  }

  public static LogLine warn(String operation) {
    return new LogLine("WARN", operation);
  }

  public static LogLine error(String operation) {
    return new LogLine("ERROR", operation);
  }

  public LogLine with(String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
    return this;
  }

  public LogLine with(Map<String, ?> more) {
    more.forEach(this::with);
    return this;
  }

  public String level() {
    return (String) fields.get("level");
  }

  public void to(PrintStream out) {
    out.println(Json.writeString(fields));
  }
}

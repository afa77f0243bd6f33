package dev.couponapi.http;

import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Reads a proxy event from Lambda's stream, runs one operation through the pipeline, writes the response. */
public final class ApiHandler {

  private final Pipeline pipeline;
  private final Operation operation;

  public ApiHandler(Pipeline pipeline, Operation operation) {
    this.pipeline = pipeline;
    this.operation = operation;
  }

  public void handle(InputStream in, OutputStream out) throws IOException {
    out.write(Json.write(pipeline.handle(operation, readEvent(in)).toProxyResponse()));
  }

  /** A Lambda event as a map; an unreadable one is an empty map (a request for no route at all). */
  public static Map<String, Object> readEvent(InputStream in) {
    try {
      Map<String, Object> event = Json.readObject(in);
      return event == null ? Map.of() : event;
    } catch (IOException | RuntimeException unreadable) {
      return Map.of();
    }
  }
}

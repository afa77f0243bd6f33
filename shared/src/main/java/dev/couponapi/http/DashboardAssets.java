package dev.couponapi.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The coupon dashboard's files (docs/dashboard.md), served at {@code /dashboard/}: text only (the
 * REST API sets no binary media types), each with a strict Content-Security-Policy. Only the files
 * listed here exist; any other path is a 404, whatever it names.
 */
public final class DashboardAssets {

  /** Nothing from another origin, no inline script or style, no frames, no forms posting anywhere. */
  public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
      + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** File → content type; the classpath holds them under {@code /dashboard/}. */
  static final Map<String, String> FILES = Map.of(
      "index.html", "text/html; charset=utf-8",
      "dashboard.css", "text/css; charset=utf-8",
      "dashboard.js", "text/javascript; charset=utf-8",
      "vendor/htm-preact-3.1.1.mjs", "text/javascript; charset=utf-8");

  private final Map<String, byte[]> contents = new LinkedHashMap<>();

  public DashboardAssets() {
    FILES.keySet().forEach(name -> contents.put(name, read(name)));
  }

  /**
   * The answer for {@code GET /dashboard/<file>}: {@code file} is the path after
   * {@code /dashboard/} ("" or null for the page itself); {@code slash} says whether the request's
   * path ended {@code /dashboard/} rather than {@code /dashboard}, which is sent on to
   * {@code dashboard/} so that the page's relative URLs resolve under it (and under the stage on AWS).
   */
  public ApiResponse serve(String file, boolean slash) {
    if ((file == null || file.isEmpty()) && !slash) {
      Map<String, String> headers = headers("text/plain; charset=utf-8");
      headers.put("Location", "dashboard/");
      return new ApiResponse(301, headers, new byte[0]);
    }
    String name = file == null || file.isEmpty() ? "index.html" : file;
    byte[] content = contents.get(name);
    if (content == null) {
      return new ApiResponse(404, headers("text/plain; charset=utf-8"),
          "Not found\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return new ApiResponse(200, headers(FILES.get(name)), content);
  }

  private static Map<String, String> headers(String contentType) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("Content-Security-Policy", CSP);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "no-referrer");
    // a new deployment's files are picked up at once; they are small
    headers.put("Cache-Control", "no-cache");
    return headers;
  }

  private static byte[] read(String name) {
    try (InputStream in = DashboardAssets.class.getResourceAsStream("/dashboard/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the dashboard file " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.couponapi.local;

import dev.couponapi.sam.SamTemplate;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.ProjectHome;
import dev.couponapi.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** The local API of ./run-local serve, in-process on a fresh table, for tests that speak HTTP. */
final class LocalApi implements AutoCloseable {

  final TestApp test = new TestApp();
  final LocalGateway gateway;
  private final HttpClient http = HttpClient.newHttpClient();

  /** The gateway's clock, for its authorizer cache: tests move it. */
  final java.util.concurrent.atomic.AtomicLong gatewayMillis = new java.util.concurrent.atomic.AtomicLong(
      System.currentTimeMillis());

  LocalApi() {
    try {
      gateway = new LocalGateway(FunctionHost.forApp(template(), test.app), 0, null, gatewayMillis::get);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SamTemplate template() {
    try {
      return SamTemplate.load(home().resolve("template.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository root: where template.yaml and events/ are. */
  static Path home() {
    return ProjectHome.path();
  }

  String url() {
    return gateway.url().toString();
  }

  String keyFor(Tenant tenant) {
    return test.app.apiKeys().mint(tenant, null);
  }

  HttpResponse<String> send(String method, String pathAndQuery, String key, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + pathAndQuery))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    if (body != null) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    gateway.close();
  }
}

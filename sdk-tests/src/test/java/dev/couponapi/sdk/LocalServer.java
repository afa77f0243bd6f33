package dev.couponapi.sdk;

import dev.couponapi.domain.Tenant;
import dev.couponapi.local.FunctionHost;
import dev.couponapi.local.LocalGateway;
import dev.couponapi.sam.SamTemplate;
import dev.couponapi.testing.ProjectHome;
import dev.couponapi.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The local API of ./run-local serve, in-process on a fresh table, for an SDK to call over HTTP. */
final class LocalServer implements AutoCloseable {

  final TestApp test = new TestApp();
  private final LocalGateway gateway;

  LocalServer() {
    try {
      gateway = new LocalGateway(FunctionHost.forApp(SamTemplate.load(ProjectHome.path().resolve("template.yaml")),
          test.app), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return gateway.url().toString();
  }

  String keyFor(Tenant tenant) {
    return test.app.apiKeys().mint(tenant, null);
  }

  @Override
  public void close() {
    gateway.close();
  }
}

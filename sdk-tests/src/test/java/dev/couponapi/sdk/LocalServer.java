package dev.couponapi.sdk;

import dev.couponapi.app.InProcessJobQueue;
import dev.couponapi.app.JobCodec;
import dev.couponapi.service.DeliveryJob;
import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.domain.Tenant;
import dev.couponapi.local.FunctionHost;
import dev.couponapi.local.LocalGateway;
import dev.couponapi.local.FairFanOut;
import dev.couponapi.local.LocalStatsCount;
import dev.couponapi.local.StreamPoller;
import dev.couponapi.sam.SamTemplate;
import dev.couponapi.testing.LocalDynamo;
import dev.couponapi.testing.ProjectHome;
import dev.couponapi.testing.TestApp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The local API of ./run-local serve, in-process on a fresh table, for an SDK to call over HTTP:
 * with its webhooks too, read from the table's stream and delivered by the same code serve runs.
 */
final class LocalServer implements AutoCloseable {

  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private final InProcessJobQueue<DeliveryJob> deliveries = new InProcessJobQueue<>(JobCodec.DELIVERY,
      DeliveryJob::tenant, InProcessJobQueue.Settings.DELIVERIES, QUIET);
  final TestApp test = TestApp.delivering(deliveries);
  private final FairFanOut fanOut;
  private final LocalStatsCount stats;
  private final StreamPoller poller;
  private final LocalGateway gateway;

  LocalServer() {
    // the SDKs check a webhook signature's time against their own clock
    test.clock.set(java.time.Instant.now());
    deliveries.attach(test.app.deliveryWork());
    fanOut = new FairFanOut(test.app.fanOutRun(), System.err);
    stats = new LocalStatsCount(test.app.statsRun(), System.err);
    poller = new StreamPoller(test.dynamo, DynamoDbLocalServer.streamsClientFor(LocalDynamo.server().endpoint()),
        test.table, fanOut, stats, () -> { },
        System.err, LocalDynamo.server().writes()).start();
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
    poller.close();
    fanOut.close();
    stats.close();
    deliveries.close();
  }
}

package dev.couponapi.app;

import dev.couponapi.service.WebhookSender;
import dev.couponapi.service.WebhookUrls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Posts deliveries with the JDK's HTTP client: never following a redirect, within the timeout,
 * and only after every address the URL's host resolves to passed {@link WebhookUrls#mayConnect}
 * (so a name that later points at a private address is not followed).
 */
public final class HttpWebhookSender implements WebhookSender {

  static final String USER_AGENT = "Stripe/1.0 (+https://stripe.com/docs/webhooks)";

  private final WebhookUrls urls;
  private final Duration timeout;
  /** Made on first use: every function's App has a sender, and only the delivery function posts. */
  private volatile HttpClient client;

  public HttpWebhookSender(WebhookUrls urls, Duration timeout) {
    this.urls = urls;
    this.timeout = timeout;
  }

  private HttpClient client() {
    HttpClient current = client;
    if (current == null) {
      synchronized (this) {
        if (client == null) {
          // HTTP/1.1, as Stripe sends: an h2c upgrade offer confuses some receivers (aiohttp reads no body)
          client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        }
        current = client;
      }
    }
    return current;
  }

  @Override
  public Answer post(String url, byte[] body, String signature) {
    URI uri = URI.create(url);
    try {
      for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
        if (!urls.mayConnect(address)) {
          return new Answer(0, false, "refused: " + uri.getHost() + " resolves to a private address");
        }
      }
    } catch (UnknownHostException unknown) {
      return new Answer(0, false, "unknown host " + uri.getHost());
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", USER_AGENT)
        .header("Stripe-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    try {
      return new Answer(client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), false, null);
    } catch (HttpTimeoutException slow) {
      return new Answer(0, true, "timed out after " + timeout.toMillis() + " ms");
    } catch (IOException unreachable) {
      return new Answer(0, false, unreachable.toString());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new Answer(0, false, "interrupted");
    }
  }
}

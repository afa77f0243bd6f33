package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.Stripe;
import com.stripe.model.Coupon;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import dev.couponapi.testing.Receiver;
import dev.couponapi.wire.Json;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Webhooks through {@code ./run-local serve}: a change is read from DynamoDB Local's stream, fanned
 * out and delivered in the same JVM, and stripe-java's own {@code Webhook.constructEvent} verifies
 * every delivery, a retried one too.
 */
class WebhookEndToEndTest {

  @Test
  void aDeliveryRefusedOnce_comesAgainAsTheSameEvent_andStripeJavaVerifiesBoth_onItsPinnedVersion() throws Exception {
    try (Receiver receiver = new Receiver(500, 200);
        RunningServe serve = new RunningServe("--in-memory", "--dynamodb-port", "0", "--webhook-retries", "1s,1s")) {
      HttpResponse<String> endpoint = serve.send("POST", "/v1/webhook_endpoints", "url="
          + URLEncoder.encode(receiver.url("/stripe"), StandardCharsets.UTF_8)
          + "&enabled_events[]=coupon.created&api_version=" + Stripe.API_VERSION);
      assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(200);
      String secret = (String) Json.readObject(endpoint.body()).get("secret");

      assertThat(serve.send("POST", "/v1/coupons", "id=WELCOME&percent_off=20&name=Welcome").statusCode())
          .isEqualTo(200);
      List<Receiver.Received> received = receiver.await(2, java.time.Duration.ofSeconds(30));

      assertThat(received).hasSize(2);
      Event first = Webhook.constructEvent(received.get(0).body(), received.get(0).header("Stripe-Signature"), secret);
      Event second = Webhook.constructEvent(received.get(1).body(), received.get(1).header("Stripe-Signature"), secret);
      assertThat(second.getId()).isEqualTo(first.getId()).startsWith("evt_");
      assertThat(second.getType()).isEqualTo("coupon.created");
      assertThat(second.getApiVersion()).isEqualTo(Stripe.API_VERSION);
      Optional<StripeObject> object = second.getDataObjectDeserializer().getObject();
      assertThat(object).containsInstanceOf(Coupon.class);
      assertThat(((Coupon) object.orElseThrow()).getName()).isEqualTo("Welcome");

      Map<String, Object> event = awaitAcknowledged(serve, first.getId());
      assertThat(event).containsEntry("pending_webhooks", 0);
      assertThat(serve.printed()).contains("\"outcome\":\"retrying\"").contains("\"outcome\":\"succeeded\"");
    }
  }

  @Test
  void serve_refusesAWebhookScheduleItCannotRead_inOneLine() throws Exception {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code = new LocalMain(LocalApi.home(), new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
        new java.io.PrintStream(err, true, StandardCharsets.UTF_8))
        .run(new String[] {"serve", "--in-memory", "--webhook-retries", "soon"});
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("run-local: --webhook-retries:")
        .doesNotContain("\n").doesNotContain("Exception");
  }

  /** The event once its endpoint's acknowledgement is counted (a bounded wait, each look one round trip). */
  private static Map<String, Object> awaitAcknowledged(RunningServe serve, String id) throws Exception {
    Map<String, Object> event = Map.of();
    for (long until = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < until; ) {
      event = Json.readObject(serve.send("GET", "/v1/events/" + id, null).body());
      if (Integer.valueOf(0).equals(event.get("pending_webhooks"))) {
        break;
      }
    }
    return event;
  }
}

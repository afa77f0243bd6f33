package dev.couponapi.http;

import dev.couponapi.testing.TestApp;
import static dev.couponapi.http.DiscountFixture.CLOVER;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static dev.couponapi.http.DiscountFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What changed after clover for our objects (docs/versions.md): endive's object form of
 * billing_cycle_anchor on subscription updates and previews, the older forms before it, the newest
 * preview parameters this API does not support, and the additive fields in every version.
 */
class NewestVersionsTest {

  private static final String DAHLIA = "2026-05-27.dahlia";
  private static final String ENDIVE = "2026-10-28.endive";

  private final DiscountFixture f = new DiscountFixture();
  private final String customer = f.customer("name=Anchor");

  private Map<String, Object> subscription(String version) {
    return TestApp.body(f.client.version(version).post("/v1/subscriptions", "customer=" + customer + "&" + ITEM));
  }

  private Map<String, Object> update(Map<String, Object> subscription, String body, String version) {
    return TestApp.body(f.client.version(version).post("/v1/subscriptions/" + subscription.get("id"), body));
  }

  @Test
  void billingCycleAnchor_isAnObjectFromEndive_andAStringBefore() {
    Map<String, Object> subscription = subscription(ENDIVE);
    long created = ((Number) subscription.get("billing_cycle_anchor")).longValue();
    f.test.clock.advance(java.time.Duration.ofDays(3));
    long now = f.test.clock.instant().getEpochSecond();

    assertThat(update(subscription, "billing_cycle_anchor[type]=unchanged", ENDIVE))
        .containsEntry("billing_cycle_anchor", (int) created);
    assertThat(update(subscription, "billing_cycle_anchor[type]=now", ENDIVE))
        .containsEntry("billing_cycle_anchor", (int) now);
    assertThat(error(update(subscription, "billing_cycle_anchor=now", ENDIVE)))
        .containsEntry("param", "billing_cycle_anchor");
    assertThat(error(update(subscription, "billing_cycle_anchor[type]=timestamp", ENDIVE)))
        .containsEntry("param", "billing_cycle_anchor[type]");

    Map<String, Object> older = subscription(DAHLIA);
    f.test.clock.advance(java.time.Duration.ofDays(1));
    assertThat(update(older, "billing_cycle_anchor=now", DAHLIA))
        .containsEntry("billing_cycle_anchor", (int) f.test.clock.instant().getEpochSecond());
    assertThat(error(update(older, "billing_cycle_anchor[type]=now", DAHLIA)))
        .containsEntry("param", "billing_cycle_anchor");
    assertThat(error(update(older, "billing_cycle_anchor=later", CLOVER))).containsEntry("param",
        "billing_cycle_anchor");
  }

  @Test
  void aCanceledSubscriptionsAnchor_cannotBeReset() {
    Map<String, Object> subscription = subscription(ENDIVE);
    TestApp.body(f.client.version(ENDIVE).delete("/v1/subscriptions/" + subscription.get("id")));
    assertThat(error(update(subscription, "billing_cycle_anchor[type]=now", ENDIVE)).get("message").toString())
        .contains("canceled");
  }

  @Test
  void previewBillingCycleAnchor_startsThePeriod_inEachVersionsForm() {
    String items = "customer=" + customer + "&subscription_details[items][0][price_data][currency]=usd"
        + "&subscription_details[items][0][price_data][product]=prod_A"
        + "&subscription_details[items][0][price_data][unit_amount]=1000";
    long later = f.test.clock.instant().getEpochSecond() + 86_400;
    Map<String, Object> endive = preview(items + "&subscription_details[billing_cycle_anchor][type]=timestamp"
        + "&subscription_details[billing_cycle_anchor][timestamp]=" + later, ENDIVE);
    assertThat(endive).containsEntry("period_start", (int) later);
    assertThat(preview(items + "&subscription_details[billing_cycle_anchor][type]=now", ENDIVE))
        .containsEntry("period_start", (int) f.test.clock.instant().getEpochSecond());
    assertThat(error(preview(items + "&subscription_details[billing_cycle_anchor][type]=timestamp", ENDIVE)))
        .containsEntry("param", "subscription_details[billing_cycle_anchor][timestamp]");
    assertThat(error(preview(items + "&subscription_details[billing_cycle_anchor]=" + later, ENDIVE)))
        .containsEntry("param", "subscription_details[billing_cycle_anchor]");

    assertThat(preview(items + "&subscription_details[billing_cycle_anchor]=" + later, DAHLIA))
        .containsEntry("period_start", (int) later);
    assertThat(preview(items + "&subscription_details[billing_cycle_anchor]=unchanged", DAHLIA))
        .containsEntry("period_start", (int) f.test.clock.instant().getEpochSecond());
    assertThat(error(preview(items + "&subscription_details[billing_cycle_anchor]=tomorrow", DAHLIA)))
        .containsEntry("param", "subscription_details[billing_cycle_anchor]");
  }

  @Test
  void theNewestPreviewParameters_thisApiDoesNotSupport_areStripesUnknownParameter() {
    String items = "customer=" + customer + "&invoice_items[0][amount]=1000&invoice_items[0][currency]=usd";
    Map<String, String> unsupported = Map.of(
        "subscription_details[metadata][plan]=pro", "subscription_details[metadata]",
        "subscription_details[pause][type]=x", "subscription_details[pause]",
        "subscription_details[billing_schedules][0][applies_to][0][type]=price",
            "subscription_details[billing_schedules]",
        "schedule_details[pause_schedules][0][type]=x", "schedule_details",
        "customer_account=ca_1", "customer_account",
        "invoice_items[0][quantity_decimal]=1.5", "invoice_items[0][quantity_decimal]");
    unsupported.forEach((parameter, named) -> assertThat(error(preview(items + "&" + parameter, ENDIVE))).as(parameter)
        .containsEntry("code", "parameter_unknown").containsEntry("param", named));
  }

  @SuppressWarnings("unchecked")
  @Test
  void theAdditiveFields_areThereInEveryVersion() {
    for (String version : List.of(DiscountFixture.ACACIA, CLOVER, DAHLIA, ENDIVE)) {
      Map<String, Object> subscription = subscription(version);
      assertThat(subscription).as(version).containsEntry("billing_schedules", List.of())
          .containsEntry("managed_payments", null).containsEntry("pending_update", null)
          .containsEntry("customer_account", null).containsKeys("invoice_settings", "cancellation_details");
      assertThat((Map<String, Object>) subscription.get("invoice_settings")).containsEntry("custom_fields", null)
          .containsEntry("description", null).containsEntry("footer", null);
      Map<String, Object> item = ((List<Map<String, Object>>) ((Map<String, Object>) subscription.get("items"))
          .get("data")).get(0);
      assertThat(item).as(version).containsEntry("current_trial", null);
      Map<String, Object> preview = preview("subscription=" + subscription.get("id"), version);
      assertThat(preview).as(version).containsEntry("customer_account", null);
      Map<String, Object> line = ((List<Map<String, Object>>) ((Map<String, Object>) preview.get("lines"))
          .get("data")).get(0);
      assertThat(line).as(version).containsEntry("subtotal", 2000).containsEntry("quantity_decimal", "1");
    }
  }

  private Map<String, Object> preview(String body, String version) {
    return TestApp.body(f.client.version(version).post("/v1/invoices/create_preview", body));
  }
}

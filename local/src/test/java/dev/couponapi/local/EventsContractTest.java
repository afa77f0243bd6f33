package dev.couponapi.local;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.app.App;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.TestApp;
import dev.couponapi.wire.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every file in events/ through the handler that template.yaml names for it, as
 * {@code sam local invoke <Function> -e events/<file>.json} runs it, against DynamoDB Local.
 * The file of a function is its logical id without "Function", in kebab case
 * (CreateCouponFunction → events/create-coupon.json).
 */
class EventsContractTest {

  /** The key the event files carry; a local account registers it (./run-local serve --api-key …). */
  static final String EVENTS_KEY = "sk_test_localEventsKey000000000000";

  static Path eventFile(String functionId) {
    String base = functionId.replaceAll("Function$", "").replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    return LocalApi.home().resolve("events").resolve(base + ".json");
  }

  private final TestApp test = new TestApp();
  private final FunctionHost host = FunctionHost.forApp(LocalApi.template(), test.app);

  /** Runs the function's event file; its DynamoDB calls are held to its IAM policy in template.yaml. */
  private Map<String, Object> invoke(String functionId) throws IOException {
    byte[] event = Files.readAllBytes(eventFile(functionId));
    return Json.readObject(new String(test.calls.as(functionId, () -> invokeRaw(functionId, event)),
        StandardCharsets.UTF_8));
  }

  private byte[] invokeRaw(String functionId, byte[] event) {
    try {
      return host.invokeRaw(functionId, event);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, Object> body(Map<String, Object> response) {
    return Json.readObject((String) response.get("body"));
  }

  @Test
  void theCouponEvents_inTheOrderACouponLives() throws IOException {
    Map<String, Object> created = invoke("CreateCouponFunction");
    assertThat(created.get("statusCode")).isEqualTo(200);
    assertThat(body(created)).containsEntry("id", "SPRING25").containsEntry("object", "coupon")
        .containsEntry("percent_off", 25.5).containsEntry("duration", "repeating")
        .containsEntry("duration_in_months", 3).containsEntry("name", "Spring 25%")
        .containsEntry("metadata", Map.of("campaign", "spring")).containsEntry("livemode", false);

    Map<String, Object> retrieved = invoke("RetrieveCouponFunction");
    assertThat(retrieved.get("statusCode")).isEqualTo(200);
    assertThat(body(retrieved)).isEqualTo(body(created));

    Map<String, Object> updated = invoke("UpdateCouponFunction");
    assertThat(updated.get("statusCode")).isEqualTo(200);
    assertThat(body(updated)).containsEntry("name", "Spring sale").containsEntry("metadata", Map.of("owner", "growth"));

    Map<String, Object> listed = invoke("ListCouponsFunction");
    assertThat(listed.get("statusCode")).isEqualTo(200);
    assertThat(body(listed)).containsEntry("object", "list").containsEntry("url", "/v1/coupons")
        .containsEntry("has_more", false);
    assertThat(body(listed).get("data").toString()).contains("SPRING25");

    theirEventEvents();
    theirPromotionCodeEvents();
    theirBatchEvents();
    theirCustomerAndSubscriptionEvents();

    Map<String, Object> deleted = invoke("DeleteCouponFunction");
    assertThat(deleted.get("statusCode")).isEqualTo(200);
    assertThat(body(deleted)).isEqualTo(Map.of("id", "SPRING25", "object", "coupon", "deleted", true));

    assertThat(invoke("RetrieveCouponFunction").get("statusCode")).isEqualTo(404);
  }

  /** The promotion-code events, on the coupon of create-coupon.json (clover shape: they send 2025-09-30.clover). */
  private void theirPromotionCodeEvents() throws IOException {
    Map<String, Object> created = invoke("CreatePromotionCodeFunction");
    assertThat(created.get("statusCode")).as(created.toString()).isEqualTo(200);
    assertThat(body(created)).containsEntry("object", "promotion_code").containsEntry("code", "SPRING25OFF")
        .containsEntry("active", true).containsEntry("max_redemptions", 100)
        .containsEntry("promotion", Map.of("coupon", "SPRING25", "type", "coupon"))
        .containsEntry("metadata", Map.of("channel", "newsletter")).doesNotContainKey("coupon");
    assertThat(body(created).get("restrictions")).isEqualTo(Map.of("first_time_transaction", false,
        "minimum_amount", 1000, "minimum_amount_currency", "usd"));

    seedThePromotionCodeTheEventsName();
    Map<String, Object> retrieved = invoke("RetrievePromotionCodeFunction");
    assertThat(retrieved.get("statusCode")).isEqualTo(200);
    assertThat(body(retrieved)).containsEntry("id", EVENTS_PROMOTION_CODE).containsEntry("active", true);

    Map<String, Object> updated = invoke("UpdatePromotionCodeFunction");
    assertThat(updated.get("statusCode")).isEqualTo(200);
    assertThat(body(updated)).containsEntry("active", false).containsEntry("metadata", Map.of("channel", "retired"));

    Map<String, Object> listed = invoke("ListPromotionCodesFunction");
    assertThat(listed.get("statusCode")).isEqualTo(200);
    assertThat(body(listed)).containsEntry("url", "/v1/promotion_codes").containsEntry("has_more", false);
    assertThat((java.util.List<?>) body(listed).get("data")).hasSize(2);
  }

  /** The id retrieve-event.json names; the newest event list-events.json lists takes its place. */
  static final String EVENTS_EVENT = "evt_fromListEvents";

  /** The event files: the coupon's events so far, newest first, and the newest retrieved by its id. */
  private void theirEventEvents() throws IOException {
    Map<String, Object> listed = invoke("ListEventsFunction");
    assertThat(listed.get("statusCode")).as(listed.toString()).isEqualTo(200);
    java.util.List<?> data = (java.util.List<?>) body(listed).get("data");
    assertThat(data.stream().map(event -> (Object) ((Map<?, ?>) event).get("type")).toList())
        .containsExactly("coupon.updated", "coupon.created");
    Map<?, ?> newest = (Map<?, ?>) data.get(0);
    String eventId = (String) newest.get("id");
    assertThat(body(invoke("RetrieveEventFunction", EVENTS_EVENT, eventId))).isEqualTo(newest);
    theirWebhookEvents(eventId);
  }

  /** The id the webhook endpoint files name; the endpoint create-webhook-endpoint.json made takes its place. */
  static final String EVENTS_ENDPOINT = "we_fromCreateWebhookEndpoint";
  static final String EVENTS_RECEIVER = "https%3A%2F%2Fhooks.example.com%2Fstripe";

  /**
   * The endpoint files (create's URL replaced by a receiver on this machine), then the stream record
   * of {@code eventId} through the fan-out function and its delivery message through the delivery function.
   */
  private void theirWebhookEvents(String eventId) throws IOException {
    try (dev.couponapi.testing.Receiver receiver = new dev.couponapi.testing.Receiver(200)) {
      Map<String, Object> created = invoke("CreateWebhookEndpointFunction", EVENTS_RECEIVER,
          java.net.URLEncoder.encode(receiver.url("/stripe"), StandardCharsets.UTF_8));
      assertThat(created.get("statusCode")).as(created.toString()).isEqualTo(200);
      assertThat(body(created)).containsEntry("object", "webhook_endpoint").containsEntry("status", "enabled")
          .containsEntry("description", "Order service").containsKey("secret");
      String id = (String) body(created).get("id");
      assertThat(body(invoke("RetrieveWebhookEndpointFunction", EVENTS_ENDPOINT, id))).containsEntry("id", id)
          .doesNotContainKey("secret");
      assertThat(body(invoke("UpdateWebhookEndpointFunction", EVENTS_ENDPOINT, id)))
          .containsEntry("enabled_events", java.util.List.of("*")).containsEntry("metadata", Map.of("owner", "orders"));
      assertThat(body(invoke("ListWebhookEndpointsFunction")).get("data").toString()).contains(id);

      Map<String, Object> fanned = invoke("FanOutEventsFunction", EVENTS_EVENT, eventId);
      assertThat(fanned).isEqualTo(Map.of("batchItemFailures", java.util.List.of()));
      assertThat(test.deliveryQueue.take()).hasSize(1);
      byte[] message = Files.readString(eventFile("DeliverWebhooksFunction")).replace(EVENTS_EVENT, eventId)
          .replace(EVENTS_ENDPOINT, id).getBytes(StandardCharsets.UTF_8);
      Map<String, Object> delivered = Json.readObject(new String(test.calls.as("DeliverWebhooksFunction",
          () -> invokeRaw("DeliverWebhooksFunction", message)), StandardCharsets.UTF_8));
      assertThat(delivered).isEqualTo(Map.of("batchItemFailures", java.util.List.of()));
      assertThat(receiver.received()).singleElement().satisfies(post -> {
        assertThat(post.path()).isEqualTo("/stripe");
        assertThat(Json.readObject(post.body())).containsEntry("id", eventId).containsEntry("type", "coupon.updated");
      });
      assertThat(body(invoke("DeleteWebhookEndpointFunction", EVENTS_ENDPOINT, id))).containsEntry("deleted", true);
    }
  }

  /** Runs the function's event file with {@code replacement} in place of {@code placeholder}. */
  private Map<String, Object> invoke(String functionId, String placeholder, String replacement) throws IOException {
    byte[] event = Files.readString(eventFile(functionId)).replace(placeholder, replacement)
        .getBytes(StandardCharsets.UTF_8);
    return Json.readObject(new String(test.calls.as(functionId, () -> invokeRaw(functionId, event)),
        StandardCharsets.UTF_8));
  }

  /** The id the batch event files name; the batch create-promotion-code-batch.json made takes its place. */
  static final String EVENTS_BATCH = "pcb_fromCreatePromotionCodeBatch";

  /**
   * The batch events: create, the worker's SQS event, retrieve, list, export, each file with the
   * created batch's id in place of {@link #EVENTS_BATCH} (as one would edit it for sam local invoke).
   */
  private void theirBatchEvents() throws IOException {
    Map<String, Object> created = invoke("CreatePromotionCodeBatchFunction");
    assertThat(created.get("statusCode")).as(created.toString()).isEqualTo(200);
    assertThat(body(created)).containsEntry("object", "promotion_code_batch").containsEntry("status", "pending")
        .containsEntry("count", 50).containsEntry("coupon", "SPRING25").containsEntry("prefix", "SPRING");
    String id = (String) body(created).get("id");
    assertThat(test.batchQueue.take()).hasSize(1);

    Map<String, Object> worked = invoke("GeneratePromotionCodesFunction", id);
    assertThat(worked).isEqualTo(Map.of("batchItemFailures", java.util.List.of()));
    assertThat(body(invoke("RetrievePromotionCodeBatchFunction", id))).containsEntry("id", id)
        .containsEntry("status", "succeeded").containsEntry("created_count", 50);
    Map<String, Object> listed = body(invoke("ListPromotionCodeBatchesFunction", id));
    assertThat(listed.get("data").toString()).contains(id);
    Map<String, Object> exported = invoke("ExportPromotionCodeBatchFunction", id);
    assertThat(exported.get("statusCode")).isEqualTo(200);
    assertThat(((Map<?, ?>) exported.get("headers")).get("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(((String) exported.get("body")).lines()).hasSize(21).first()
        .isEqualTo("id,code,active,times_redeemed,max_redemptions,expires_at");
  }

  /** Runs the function's event file with {@code batch} in place of the id the file names. */
  private Map<String, Object> invoke(String functionId, String batch) throws IOException {
    return invoke(functionId, EVENTS_BATCH, batch);
  }

  /** The id count-coupon-stats.json names; a redemption's event takes its place. */
  static final String EVENTS_REDEMPTION = "evt_fromCreateCustomer";

  /**
   * The statistics files: the stream record of the customer's redemption (its event) counted by the
   * counting function, then the coupon's, its list's and a code's statistics read back.
   */
  private void theirStatsEvents() throws IOException {
    String pk = test.snapshot().stream().filter(item -> item.containsKey("redemptions"))
        .map(item -> item.get("pk").s()).findFirst().orElseThrow();
    Map<String, Object> counted = invoke("CountCouponStatsFunction", EVENTS_REDEMPTION,
        pk.substring(pk.lastIndexOf('#') + 1));
    assertThat(counted).isEqualTo(Map.of("batchItemFailures", java.util.List.of()));
    Map<String, Object> coupon = body(invoke("RetrieveCouponStatsFunction"));
    assertThat(coupon).containsEntry("object", "coupon_stats").containsEntry("coupon", "SPRING25")
        .containsEntry("days", 7).containsEntry("redemptions", 1);
    assertThat((java.util.List<?>) coupon.get("redemptions_by_day")).hasSize(7);
    Map<String, Object> listed = body(invoke("ListCouponStatsFunction"));
    assertThat(listed).containsEntry("object", "list").containsEntry("url", "/v1/coupon_stats");
    assertThat(listed.get("data")).isEqualTo(java.util.List.of(coupon));
    Map<String, Object> code = invoke("RetrievePromotionCodeStatsFunction");
    assertThat(code.get("statusCode")).as(code.toString()).isEqualTo(200);
    assertThat(body(code)).containsEntry("promotion_code", EVENTS_PROMOTION_CODE).containsEntry("redemptions", 0);
  }

  /** The customer and subscription events, on the coupon of create-coupon.json (clover shape). */
  private void theirCustomerAndSubscriptionEvents() throws IOException {
    Map<String, Object> created = invoke("CreateCustomerFunction");
    assertThat(created.get("statusCode")).as(created.toString()).isEqualTo(200);
    assertThat(body(created)).containsEntry("object", "customer").containsEntry("name", "Jenny Rosen")
        .containsEntry("email", "jenny@example.com");
    assertThat(((Map<?, ?>) body(created).get("discount")).get("source"))
        .isEqualTo(Map.of("coupon", "SPRING25", "type", "coupon"));

    seedTheCustomerAndSubscriptionTheEventsName();
    assertThat(body(invoke("RetrieveCustomerFunction"))).containsEntry("id", EVENTS_CUSTOMER);
    assertThat(body(invoke("UpdateCustomerFunction"))).containsEntry("description", "Loyal customer");
    Map<String, Object> customers = body(invoke("ListCustomersFunction"));
    assertThat((java.util.List<?>) customers.get("data")).hasSize(1);
    assertThat(customers.get("data").toString()).contains((String) body(created).get("id"));

    Map<String, Object> subscription = invoke("CreateSubscriptionFunction");
    assertThat(subscription.get("statusCode")).as(subscription.toString()).isEqualTo(200);
    assertThat(body(subscription)).containsEntry("customer", EVENTS_CUSTOMER).containsEntry("status", "active")
        .containsEntry("currency", "usd");
    assertThat((java.util.List<?>) body(subscription).get("discounts")).hasSize(1);
    theirStatsEvents();

    assertThat(body(invoke("RetrieveSubscriptionFunction"))).containsEntry("id", EVENTS_SUBSCRIPTION)
        .containsEntry("latest_invoice", EVENTS_INVOICE);
    assertThat(body(invoke("RetrieveInvoiceFunction"))).containsEntry("id", EVENTS_INVOICE)
        .containsEntry("number", "EVENTSEX-0001");
    // the seeded invoice and the one the subscription created above made (its first period)
    assertThat((java.util.List<?>) body(invoke("ListInvoicesFunction")).get("data")).hasSize(2);
    theirInvoiceItemEvents();
    theirInvoiceEvents();
    theirSubscriptionItemEvents();
    assertThat(body(invoke("UpdateSubscriptionFunction"))).containsEntry("metadata", Map.of("plan", "basic"));
    assertThat((java.util.List<?>) body(invoke("ListSubscriptionsFunction")).get("data")).hasSize(2);
    Map<String, Object> removed = body(invoke("DeleteSubscriptionDiscountFunction"));
    assertThat(removed).containsEntry("object", "discount").containsEntry("deleted", true)
        .containsEntry("subscription", EVENTS_SUBSCRIPTION);
    assertThat(body(invoke("CancelSubscriptionFunction"))).containsEntry("status", "canceled");
    assertThat(body(invoke("DeleteCustomerDiscountFunction"))).containsEntry("deleted", true)
        .containsEntry("customer", EVENTS_CUSTOMER);
    Map<String, Object> preview = body(invoke("CreateInvoicePreviewFunction"));
    assertThat(preview).containsEntry("object", "invoice").containsEntry("subtotal", 1000)
        .containsEntry("total", 745).containsEntry("customer", EVENTS_CUSTOMER);
    Map<String, Object> upcoming = body(invoke("RetrieveUpcomingInvoiceFunction"));
    assertThat(upcoming).containsEntry("object", "invoice").containsEntry("subtotal", 999).containsEntry("total", 999);
    assertThat(body(invoke("DeleteCustomerFunction"))).isEqualTo(Map.of("id", EVENTS_CUSTOMER, "object", "customer",
        "deleted", true));
  }

  /** The ids the customer and subscription events name; create assigns random ids, so they are seeded. */
  static final String EVENTS_CUSTOMER = "cus_EventsExample0";
  static final String EVENTS_SUBSCRIPTION = "sub_EventsExample00000000000";

  private void seedTheCustomerAndSubscriptionTheEventsName() {
    Tenant local = new Tenant("acct_local", false);
    String rev = new dev.couponapi.store.CouponStore(test.dynamo, test.table).find(local, "SPRING25").orElseThrow().rev();
    long now = test.clock.instant().getEpochSecond();
    dev.couponapi.store.CustomerStore customers = new dev.couponapi.store.CustomerStore(test.dynamo, test.table);
    customers.insert(local, new dev.couponapi.domain.Customer(EVENTS_CUSTOMER, now, "Events", null, null, null,
        Map.of(), new dev.couponapi.domain.Discount("di_EventsCustomer000000000000", "SPRING25", rev, null, now, null,
            EVENTS_CUSTOMER, null, null), false), test.clock.instant(), dev.couponapi.store.Redemption.NONE, null);
    dev.couponapi.domain.Subscription subscription = new dev.couponapi.domain.Subscription(EVENTS_SUBSCRIPTION,
        EVENTS_CUSTOMER, now, now, "usd", "active", null,
        Map.of(), java.util.List.of(new dev.couponapi.domain.SubscriptionItem("si_EventsExample0", now, "usd",
            "prod_basic", 2000, "month", 1, 1, java.util.List.of())),
        java.util.List.of(new dev.couponapi.domain.Discount("di_EventsSubscription00000000", "SPRING25", rev, null,
            now, null, EVENTS_CUSTOMER, EVENTS_SUBSCRIPTION, null)), false,
        dev.couponapi.domain.BillingPeriod.first(now, "month", 1), EVENTS_INVOICE, null);
    dev.couponapi.domain.Invoice invoice = new dev.couponapi.domain.Invoice(EVENTS_INVOICE, "EVENTSEX-0001",
        EVENTS_CUSTOMER, EVENTS_SUBSCRIPTION, "usd", now, subscription.period().start(), subscription.period().end(),
        "paid", "subscription_create", java.util.List.of(), java.util.List.of(), java.util.List.of(), 2000, 2000, 2000,
        now, now, false, dev.couponapi.domain.Invoice.Details.NONE);
    new dev.couponapi.store.SubscriptionStore(test.dynamo, test.table, customers,
        new dev.couponapi.store.InvoiceStore(test.dynamo, test.table,
            new dev.couponapi.store.InvoiceItemStore(test.dynamo, test.table, customers), customers)).insert(local, subscription,
        new dev.couponapi.domain.InvoicePricing.Made(invoice, java.util.List.of(), false, java.util.List.of()),
        java.util.List.of(), customers.find(local, EVENTS_CUSTOMER).orElseThrow(), test.clock.instant(),
        dev.couponapi.store.Redemption.NONE, null);
  }

  private void theirSubscriptionItemEvents() throws IOException {
    Map<String, Object> created = invoke("CreateSubscriptionItemFunction");
    assertThat(created.get("statusCode")).as(created.toString()).isEqualTo(200);
    assertThat(body(created)).containsEntry("subscription", EVENTS_SUBSCRIPTION).containsEntry("quantity", 3);
    assertThat((java.util.List<?>) body(created).get("discounts")).hasSize(1);
    assertThat(body(invoke("RetrieveSubscriptionItemFunction"))).containsEntry("id", "si_EventsExample0");
    assertThat(body(invoke("UpdateSubscriptionItemFunction"))).containsEntry("quantity", 2)
        .containsEntry("metadata", Map.of("seat", "owner"));
    assertThat((java.util.List<?>) body(invoke("ListSubscriptionItemsFunction")).get("data")).hasSize(2);
    assertThat(body(invoke("DeleteSubscriptionItemFunction"))).isEqualTo(Map.of("id", "si_EventsExample0",
        "object", "subscription_item", "deleted", true));
  }

  /** The item the invoice item files name; create assigns random ids, so it is seeded. */
  static final String EVENTS_INVOICE_ITEM = "ii_EventsExample00000000000";

  private void theirInvoiceItemEvents() throws IOException {
    Map<String, Object> created = invoke("CreateInvoiceItemFunction");
    assertThat(created.get("statusCode")).as(created.toString()).isEqualTo(200);
    assertThat(body(created)).containsEntry("amount", 3000).containsEntry("customer", EVENTS_CUSTOMER)
        .containsEntry("invoice", null);
    assertThat((java.util.List<?>) body(created).get("discounts")).hasSize(1);
    Tenant local = new Tenant("acct_local", false);
    dev.couponapi.store.CustomerStore customers = new dev.couponapi.store.CustomerStore(test.dynamo, test.table);
    new dev.couponapi.store.InvoiceItemStore(test.dynamo, test.table, customers).insert(local,
        new dev.couponapi.domain.InvoiceItem(EVENTS_INVOICE_ITEM, EVENTS_CUSTOMER, "usd", 900, 1, "Support", null, true,
            java.util.List.of(), Map.of(), null, null, test.clock.instant().getEpochSecond(), false),
        test.clock.instant(), dev.couponapi.store.Redemption.NONE, null);
    assertThat(body(invoke("RetrieveInvoiceItemFunction"))).containsEntry("id", EVENTS_INVOICE_ITEM)
        .containsEntry("amount", 900);
    assertThat(body(invoke("UpdateInvoiceItemFunction"))).containsEntry("description", "Onboarding")
        .containsEntry("metadata", Map.of("team", "growth"));
    assertThat((java.util.List<?>) body(invoke("ListInvoiceItemsFunction")).get("data")).hasSize(2);
    assertThat(body(invoke("DeleteInvoiceItemFunction"))).isEqualTo(Map.of("id", EVENTS_INVOICE_ITEM,
        "object", "invoiceitem", "deleted", true));
  }

  /** The draft the invoice lifecycle files name; create assigns random ids, so it is seeded (again). */
  static final String EVENTS_DRAFT = "in_EventsDraft00000000000000000";

  private void seedTheDraft() {
    Tenant local = new Tenant("acct_local", false);
    test.dynamo.deleteItem(software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest.builder().tableName(test.table)
        .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
            dev.couponapi.store.ObjectType.INVOICE.key(local, EVENTS_DRAFT)))).build());
    dev.couponapi.store.CustomerStore customers = new dev.couponapi.store.CustomerStore(test.dynamo, test.table);
    long now = test.clock.instant().getEpochSecond();
    dev.couponapi.domain.Invoice draft = new dev.couponapi.domain.Invoice(EVENTS_DRAFT, null, EVENTS_CUSTOMER, null,
        "usd", now, now, now, "draft", "manual", java.util.List.of(), java.util.List.of(), java.util.List.of(), 1200,
        1200, 0, null, null, false, dev.couponapi.domain.Invoice.Details.NONE);
    new dev.couponapi.store.InvoiceStore(test.dynamo, test.table,
        new dev.couponapi.store.InvoiceItemStore(test.dynamo, test.table, customers), customers).insert(local,
        new dev.couponapi.domain.InvoicePricing.Made(draft, java.util.List.of(), false, java.util.List.of()),
        customers.find(local, EVENTS_CUSTOMER).orElseThrow(), test.clock.instant(),
        dev.couponapi.store.Redemption.NONE, null);
  }

  private void theirInvoiceEvents() throws IOException {
    Map<String, Object> created = invoke("CreateInvoiceFunction");
    assertThat(created.get("statusCode")).as(created.toString()).isEqualTo(200);
    // create-invoice-item.json's pending item (3000 less its 25.5 %), less the invoice's 25.5 %: an unnumbered draft
    assertThat(body(created)).containsEntry("status", "draft").containsEntry("number", null)
        .containsEntry("subtotal", 2235).containsEntry("total", 1665).containsEntry("description", "One-off");
    seedTheDraft();
    assertThat(body(invoke("UpdateInvoiceFunction"))).containsEntry("description", "Setup and support");
    Map<String, Object> open = body(invoke("FinalizeInvoiceFunction"));
    assertThat(open).containsEntry("status", "open");
    assertThat((String) open.get("number")).endsWith("-0003");
    assertThat(body(invoke("MarkInvoiceUncollectibleFunction"))).containsEntry("status", "uncollectible");
    assertThat(body(invoke("PayInvoiceFunction"))).containsEntry("status", "paid").containsEntry("amount_paid", 1200);
    seedTheDraft();
    assertThat(body(invoke("DeleteInvoiceFunction"))).isEqualTo(Map.of("id", EVENTS_DRAFT, "object", "invoice",
        "deleted", true));
    seedTheDraft();
    invoke("FinalizeInvoiceFunction");
    assertThat(body(invoke("VoidInvoiceFunction"))).containsEntry("status", "void").containsEntry("amount_remaining", 0);
  }

  /** The invoice retrieve-invoice.json names, the seeded subscription's first. */
  static final String EVENTS_INVOICE = "in_EventsExample0000000000000000";

  /** The id retrieve- and update-promotion-code.json name; create assigns random ids, so it is seeded. */
  static final String EVENTS_PROMOTION_CODE = "promo_EventsExample00000000000";

  private void seedThePromotionCodeTheEventsName() {
    Tenant local = new Tenant("acct_local", false);
    dev.couponapi.store.CouponStore coupons = new dev.couponapi.store.CouponStore(test.dynamo, test.table);
    String rev = coupons.find(local, "SPRING25").orElseThrow().rev();
    new dev.couponapi.store.PromotionCodeStore(test.dynamo, test.table, coupons).insert(local,
        new dev.couponapi.domain.PromotionCode(EVENTS_PROMOTION_CODE, "EVENTS", "SPRING25", rev,
            test.clock.instant().getEpochSecond(), null, null, null, 0, true, Map.of(),
            dev.couponapi.domain.PromotionCode.Restrictions.NONE, false),
        test.clock.instant(), null);
  }

  /** The clock the test clock files name; create assigns random ids, so it is seeded. */
  static final String EVENTS_CLOCK = "clock_EventsExample00000000000";

  @Test
  void theTestClockEvents_createRetrieveListAdvanceDelete() throws IOException {
    Map<String, Object> created = invoke("CreateTestClockFunction");
    assertThat(created.get("statusCode")).as(created.toString()).isEqualTo(200);
    assertThat(body(created)).containsEntry("object", "test_helpers.test_clock").containsEntry("status", "ready")
        .containsEntry("frozen_time", 1767225600).containsEntry("name", "Year of renewals");
    new dev.couponapi.store.TestClockStore(test.dynamo, test.table).insert(new Tenant("acct_local", false),
        new dev.couponapi.domain.TestClock(EVENTS_CLOCK, null, 1767225600L, "ready", null,
            test.clock.instant().getEpochSecond(), false), test.clock.instant(), null);
    assertThat(body(invoke("RetrieveTestClockFunction"))).containsEntry("id", EVENTS_CLOCK);
    assertThat((java.util.List<?>) body(invoke("ListTestClocksFunction")).get("data")).hasSize(2);
    assertThat(body(invoke("AdvanceTestClockFunction"))).containsEntry("status", "ready")
        .containsEntry("frozen_time", 1769904000);
    assertThat(body(invoke("DeleteTestClockFunction"))).isEqualTo(Map.of("id", EVENTS_CLOCK,
        "object", "test_helpers.test_clock", "deleted", true));
  }

  @Test
  void theUnrecognizedRouteEvent() throws IOException {
    Map<String, Object> response = invoke("UnrecognizedRouteFunction");
    assertThat(response.get("statusCode")).isEqualTo(404);
    assertThat(body(response).toString()).contains("Unrecognized request URL (GET: /v1/nothing/here).");
  }

  @Test
  void theDashboardEvent_servesItsScript_underAStrictPolicy() throws IOException {
    Map<String, Object> response = invoke("DashboardFunction");
    assertThat(response.get("statusCode")).isEqualTo(200);
    Map<?, ?> headers = (Map<?, ?>) response.get("headers");
    assertThat(headers.get("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
    assertThat((String) headers.get("Content-Security-Policy")).startsWith("default-src 'none'; script-src 'self';");
    assertThat((String) response.get("body")).contains("credentials: 'omit'");
    assertThat(test.calls.operations()).isEmpty();
  }

  @Test
  void theAuthorizerEvent_allowsTheRegisteredEventsKey() throws IOException {
    test.app.apiKeys().register(EVENTS_KEY, new Tenant("acct_local", false));
    Map<String, Object> decision = invoke("AuthorizerFunction");
    assertThat(decision.get("principalId")).isEqualTo("acct_local");
    // the key travels masked (its last four), never in full
    assertThat(decision.get("context")).isEqualTo(Map.of("account", "acct_local", "livemode", "false",
        "key", "sk_test_…" + EVENTS_KEY.substring(EVENTS_KEY.length() - 4)));
  }

  @Test
  void theExpirySweepEvent_runsOneBoundedSweep() throws IOException {
    Map<String, Object> summary = invoke("ExpirySweepFunction");
    assertThat(summary).containsEntry("complete", true).containsEntry("examined", 0)
        .containsKeys("coupons_expired", "promotion_codes_switched_off", "customer_discounts_ended",
            "subscriptions_updated", "swept_through");
  }

  /** ./run-local sweep --now shows what a later sweep would do, against a DynamoDB endpoint. */
  @Test
  void runLocalEvents_printsAnAccountsNewestEvents_oldestFirst_andRefusesAnUnknownType() throws Exception {
    String endpoint = dev.couponapi.testing.LocalDynamo.server().endpoint().toString();
    software.amazon.awssdk.services.dynamodb.DynamoDbClient client =
        dev.couponapi.ddblocal.DynamoDbLocalServer.clientFor(java.net.URI.create(endpoint));
    LocalTable.ensure(client, LocalTable.NAME);
    dev.couponapi.app.App local = new dev.couponapi.app.App(client, LocalTable.NAME, java.time.Clock.systemUTC(),
        dev.couponapi.api.ApiVersion.parse(dev.couponapi.api.ApiVersion.FALLBACK));
    Tenant tenant = new Tenant("acct_events_cli_" + System.nanoTime(), false);
    local.pipeline().handle(local.resource(dev.couponapi.http.CouponResource.class).create(), dev.couponapi.testing.TestApp.event("POST", "/v1/coupons", null,
        "id=CLI&percent_off=5", tenant));
    local.pipeline().handle(local.resource(dev.couponapi.http.CouponResource.class).update(), dev.couponapi.testing.TestApp.event("POST", "/v1/coupons/CLI",
        Map.of("coupon", "CLI"), "name=Cli", tenant));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    LocalMain main = new LocalMain(LocalApi.home(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(main.run(new String[] {"events", "--account", tenant.account(), "--endpoint", endpoint})).isZero();
    java.util.List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("\\S+Z  evt_\\w{24}  coupon\\.created +CLI +pending_webhooks=0");
    assertThat(lines.get(1)).contains("coupon.updated");
    out.reset();
    assertThat(main.run(new String[] {"events", "--account", tenant.account(), "--type", "coupon.upd*", "--endpoint",
        endpoint})).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).singleElement().asString().contains("coupon.updated");
    assertThat(main.run(new String[] {"events", "--type", "refund.*", "--endpoint", endpoint})).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo(
        "run-local: --type refund.* names no event type (e.g. coupon.created, coupon.*)");
  }

  @Test
  void runLocalSweep_withNow() throws Exception {
    String endpoint = dev.couponapi.testing.LocalDynamo.server().endpoint().toString();
    LocalTable.ensure(dev.couponapi.ddblocal.DynamoDbLocalServer.clientFor(java.net.URI.create(endpoint)),
        LocalTable.NAME);
    dev.couponapi.app.App local = new dev.couponapi.app.App(
        dev.couponapi.ddblocal.DynamoDbLocalServer.clientFor(java.net.URI.create(endpoint)), LocalTable.NAME,
        java.time.Clock.systemUTC(), dev.couponapi.api.ApiVersion.parse(dev.couponapi.api.ApiVersion.FALLBACK));
    long soon = java.time.Instant.now().getEpochSecond() + 3600;
    local.pipeline().handle(local.resource(dev.couponapi.http.CouponResource.class).create(), dev.couponapi.testing.TestApp.event("POST", "/v1/coupons", null,
        "percent_off=5&redeem_by=" + soon, new Tenant("acct_cli", false)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LocalMain main = new LocalMain(LocalApi.home(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(main.run(new String[] {"sweep", "--now", Long.toString(soon + 60),
        "--endpoint", endpoint})).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("coupons_expired: 1").contains("complete: true");
  }

  @Test
  void theAdminKeysEvent_mintsATestKey() throws IOException {
    assertThat((String) invoke("AdminKeysFunction").get("key")).startsWith("sk_test_");
  }

  @Test
  void theKeyPermissionsEvent_saysWhatTheEventsKeyMayDo() throws IOException {
    Map<String, Object> answer = body(invoke("RetrieveKeyPermissionsFunction"));
    assertThat(answer).containsEntry("object", "key_permissions").containsEntry("type", "secret")
        .containsEntry("key", "sk_test_…0000");
    assertThat(answer.get("permissions").toString()).contains("coupons=write");
  }

  /** ./run-local invoke builds the handler the way Lambda does: no-argument constructor, environment. */
  @Test
  void runLocalInvoke_printsTheHandlersResponse() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LocalMain main = new LocalMain(LocalApi.home(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    int status = main.run(new String[] {"invoke", "ListCouponsFunction", "-e",
        eventFile("ListCouponsFunction").toString(), "--endpoint",
        dev.couponapi.testing.LocalDynamo.server().endpoint().toString()});
    assertThat(status).isZero();
    Map<String, Object> response = Json.readObject(out.toString(StandardCharsets.UTF_8).trim());
    assertThat(response.get("statusCode")).isEqualTo(200);
    assertThat(body(response)).containsEntry("object", "list");
  }
}

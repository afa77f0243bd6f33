package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.domain.Tenant;
import dev.couponapi.wire.Json;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Malformed requests through the local API: each gets a Stripe-shaped 4xx (JSON error object with
 * type and message) and leaves every item of the table exactly as it was.
 */
class BadInputTest {

  private static LocalApi api;
  private static String key;
  private static List<Map<String, AttributeValue>> before;

  @BeforeAll
  static void seed() {
    api = new LocalApi();
    key = api.keyFor(new Tenant("acct_bad", false));
    assertThat(api.send("POST", "/v1/coupons", key, "id=SEED&percent_off=10&metadata[a]=1").statusCode()).isEqualTo(200);
    before = api.test.snapshot();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static final String PROMO = "promotion[type]=coupon&promotion[coupon]=";
  private static final String ITEM = "items[0][price_data][currency]=usd&items[0][price_data][product]=prod_A"
      + "&items[0][price_data][unit_amount]=2000&items[0][price_data][recurring][interval]=month";

  private static Arguments bad(String name, int status, String method, String path, String body, String... headers) {
    return Arguments.of(name, status, method, path, body, headers);
  }

  static Stream<Arguments> requests() {
    String form = "Content-Type";
    return Stream.of(
        // bodies that are not forms
        bad("json body", 400, "POST", "/v1/coupons", "{\"percent_off\":10}", form, "application/json"),
        bad("text body", 400, "POST", "/v1/coupons", "percent_off=10", form, "text/plain"),
        bad("multipart body", 400, "POST", "/v1/coupons", "--x\r\n\r\n", form, "multipart/form-data; boundary=x"),
        bad("json without content type", 400, "POST", "/v1/coupons", "{\"percent_off\":10}", form, ""),
        bad("malformed percent escape", 400, "POST", "/v1/coupons", "percent_off=10&name=25%"),
        bad("invalid utf-8", 400, "POST", "/v1/coupons", "percent_off=10&name=%C3%28"),
        bad("unclosed bracket", 400, "POST", "/v1/coupons", "percent_off=10&metadata[a=1"),
        bad("empty name", 400, "POST", "/v1/coupons", "percent_off=10&=5"),
        bad("nesting too deep", 400, "POST", "/v1/coupons", "percent_off=10&metadata[a][b][c][d][e][f][g][h]=1"),
        bad("value and hash at once", 400, "POST", "/v1/coupons", "percent_off=10&metadata=x&metadata[a]=1"),
        bad("[] mixed with [0]", 400, "POST", "/v1/coupons",
            "percent_off=10&applies_to[products][]=a&applies_to[products][0]=b"),
        bad("too many pairs", 400, "POST", "/v1/coupons", "percent_off=10" + "&metadata[k]=v".repeat(2001)),
        bad("body too large", 400, "POST", "/v1/coupons", "percent_off=10&name=" + "n".repeat(300_000)),
        // wrong types
        bad("percent_off not a number", 400, "POST", "/v1/coupons", "percent_off=abc"),
        bad("percent_off exponent", 400, "POST", "/v1/coupons", "percent_off=1e3"),
        bad("percent_off three decimals", 400, "POST", "/v1/coupons", "percent_off=10.125"),
        bad("percent_off negative", 400, "POST", "/v1/coupons", "percent_off=-5"),
        bad("percent_off zero", 400, "POST", "/v1/coupons", "percent_off=0"),
        bad("percent_off over 100", 400, "POST", "/v1/coupons", "percent_off=100.5"),
        bad("amount_off fraction", 400, "POST", "/v1/coupons", "amount_off=12.5&currency=usd"),
        bad("amount_off words", 400, "POST", "/v1/coupons", "amount_off=ten&currency=usd"),
        bad("duration unknown", 400, "POST", "/v1/coupons", "percent_off=5&duration=weekly"),
        bad("duration_in_months text", 400, "POST", "/v1/coupons", "percent_off=5&duration=repeating&duration_in_months=x"),
        bad("max_redemptions boolean", 400, "POST", "/v1/coupons", "percent_off=5&max_redemptions=true"),
        bad("redeem_by text", 400, "POST", "/v1/coupons", "percent_off=5&redeem_by=tomorrow"),
        bad("redeem_by in the past", 400, "POST", "/v1/coupons", "percent_off=5&redeem_by=1000"),
        bad("metadata as a string", 400, "POST", "/v1/coupons", "percent_off=5&metadata=notahash"),
        bad("metadata nested", 400, "POST", "/v1/coupons", "percent_off=5&metadata[k][x]=v"),
        bad("name as a hash", 400, "POST", "/v1/coupons", "percent_off=5&name[x]=1"),
        bad("currency not a code", 400, "POST", "/v1/coupons", "amount_off=5&currency=us"),
        bad("applies_to as a string", 400, "POST", "/v1/coupons", "percent_off=5&applies_to=prod_A"),
        bad("expand as a string", 400, "POST", "/v1/coupons", "percent_off=5&expand=applies_to"),
        bad("expand of a field that is not expandable", 400, "POST", "/v1/coupons", "percent_off=5&expand[]=customer"),
        bad("both percent_off and amount_off", 400, "POST", "/v1/coupons", "percent_off=5&amount_off=5&currency=usd"),
        bad("neither percent_off nor amount_off", 400, "POST", "/v1/coupons", "duration=once"),
        // overflowing numbers
        bad("amount_off beyond long", 400, "POST", "/v1/coupons", "amount_off=99999999999999999999&currency=usd"),
        bad("max_redemptions beyond long", 400, "POST", "/v1/coupons", "percent_off=5&max_redemptions=9223372036854775808"),
        bad("duration_in_months huge", 400, "POST", "/v1/coupons", "percent_off=5&duration=repeating&duration_in_months=100000"),
        bad("redeem_by far future", 400, "POST", "/v1/coupons", "percent_off=5&redeem_by=99999999999999"),
        bad("limit beyond int", 400, "GET", "/v1/coupons?limit=99999999999999999999", null),
        // hostile and overlong ids
        bad("id with slash", 400, "POST", "/v1/coupons", "percent_off=5&id=a%2Fb"),
        bad("id overlong", 400, "POST", "/v1/coupons", "percent_off=5&id=" + "x".repeat(5000)),
        bad("id with NUL", 400, "POST", "/v1/coupons", "percent_off=5&id=a%00b"),
        bad("id with a line break", 400, "POST", "/v1/coupons", "percent_off=5&id=a%0D%0AX-Injected:1"),
        bad("retrieve overlong id", 404, "GET", "/v1/coupons/" + "x".repeat(5000), null),
        bad("retrieve path traversal", 404, "GET", "/v1/coupons/..%2F..%2Fetc%2Fpasswd", null),
        bad("retrieve NUL id", 404, "GET", "/v1/coupons/%00", null),
        bad("retrieve quotes id", 404, "GET", "/v1/coupons/%27%22%3Cx%3E", null),
        bad("update overlong id", 404, "POST", "/v1/coupons/" + "x".repeat(3000), "name=x"),
        bad("delete hostile id", 404, "DELETE", "/v1/coupons/%E2%80%AEevil", null),
        bad("cursor overlong", 400, "GET", "/v1/coupons?starting_after=" + "x".repeat(3000), null),
        bad("cursor unknown", 400, "GET", "/v1/coupons?ending_before=NOPE", null),
        // unknown parameters
        bad("unknown create parameter", 400, "POST", "/v1/coupons", "percent_off=5&foo=bar"),
        bad("immutable field on update", 400, "POST", "/v1/coupons/SEED", "percent_off=50"),
        bad("unknown list parameter", 400, "GET", "/v1/coupons?foo=1", null),
        bad("unknown created bound", 400, "GET", "/v1/coupons?created[between]=1", null),
        bad("unknown retrieve parameter", 400, "GET", "/v1/coupons/SEED?foo=1", null),
        bad("parameter on delete", 400, "DELETE", "/v1/coupons/SEED?name=x", null),
        // other invalid requests
        bad("both cursors", 400, "GET", "/v1/coupons?starting_after=SEED&ending_before=SEED", null),
        bad("limit zero", 400, "GET", "/v1/coupons?limit=0", null),
        bad("limit 101", 400, "GET", "/v1/coupons?limit=101", null),
        bad("empty name on update", 400, "POST", "/v1/coupons/SEED", "name="),
        bad("currency_options on a percent coupon", 400, "POST", "/v1/coupons/SEED", "currency_options[eur][amount_off]=5"),
        bad("invalid Stripe-Version", 400, "GET", "/v1/coupons", null, "Stripe-Version", "latest"),
        bad("Idempotency-Key over 255 characters", 400, "POST", "/v1/coupons", "percent_off=5",
            "Idempotency-Key", "k".repeat(256)),
        bad("Idempotency-Key with a validation error", 400, "POST", "/v1/coupons", "percent_off=x",
            "Idempotency-Key", "bad-input-key"),
        bad("delete a coupon that never was", 404, "DELETE", "/v1/coupons/NEVER", null),
        // promotion codes (the default version is clover: the coupon is named with promotion[...])
        bad("promotion code without a coupon", 400, "POST", "/v1/promotion_codes", "code=SAVE"),
        bad("promotion code for a missing coupon", 400, "POST", "/v1/promotion_codes", PROMO + "NOPE"),
        bad("promotion code with coupon= in clover", 400, "POST", "/v1/promotion_codes", "coupon=SEED"),
        bad("promotion type other than coupon", 400, "POST", "/v1/promotion_codes",
            "promotion[type]=gift&promotion[coupon]=SEED"),
        bad("promotion code with spaces", 400, "POST", "/v1/promotion_codes", PROMO + "SEED&code=two+words"),
        bad("promotion code empty", 400, "POST", "/v1/promotion_codes", PROMO + "SEED&code="),
        bad("promotion code overlong", 400, "POST", "/v1/promotion_codes", PROMO + "SEED&code=" + "A".repeat(501)),
        bad("promotion code max_redemptions text", 400, "POST", "/v1/promotion_codes", PROMO + "SEED&max_redemptions=x"),
        bad("promotion code expires in the past", 400, "POST", "/v1/promotion_codes", PROMO + "SEED&expires_at=1000"),
        bad("minimum_amount without currency", 400, "POST", "/v1/promotion_codes",
            PROMO + "SEED&restrictions[minimum_amount]=100"),
        bad("first_time_transaction not a boolean", 400, "POST", "/v1/promotion_codes",
            PROMO + "SEED&restrictions[first_time_transaction]=yes"),
        bad("customer_account is not supported", 400, "POST", "/v1/promotion_codes",
            PROMO + "SEED&customer_account=acct_x"),
        bad("promotion code for a missing customer", 400, "POST", "/v1/promotion_codes", PROMO + "SEED&customer=cus_nope"),
        bad("promotion code update of code", 400, "POST", "/v1/promotion_codes/promo_x", "code=NEW"),
        bad("promotion code update of a missing code", 404, "POST", "/v1/promotion_codes/promo_nope", "active=false"),
        bad("promotion code retrieve missing", 404, "GET", "/v1/promotion_codes/promo_nope", null),
        bad("promotion code list active=maybe", 400, "GET", "/v1/promotion_codes?active=maybe", null),
        bad("promotion code delete (no such route)", 404, "DELETE", "/v1/promotion_codes/promo_x", null),
        // customers, subscriptions, discounts
        bad("customer with an unknown coupon", 400, "POST", "/v1/customers", "coupon=NOPE"),
        bad("customer with coupon and promotion_code", 400, "POST", "/v1/customers", "coupon=SEED&promotion_code=promo_x"),
        bad("customer with a missing promotion code", 400, "POST", "/v1/customers", "promotion_code=promo_nope"),
        bad("customer with an unknown parameter", 400, "POST", "/v1/customers", "phone=123"),
        bad("customer name too long", 400, "POST", "/v1/customers", "name=" + "n".repeat(257)),
        bad("customer update of a missing customer", 404, "POST", "/v1/customers/cus_nope", "name=x"),
        bad("customer discount removal of a missing customer", 404, "DELETE", "/v1/customers/cus_nope/discount", null),
        bad("subscription without a customer", 400, "POST", "/v1/subscriptions", ITEM),
        bad("subscription for a missing customer", 400, "POST", "/v1/subscriptions", "customer=cus_nope&" + ITEM),
        bad("subscription without items", 400, "POST", "/v1/subscriptions", "customer=cus_x"),
        bad("subscription item with a price id", 400, "POST", "/v1/subscriptions", "customer=cus_x&items[0][price]=price_1"),
        bad("subscription item without unit_amount", 400, "POST", "/v1/subscriptions",
            "customer=cus_x&items[0][price_data][currency]=usd&items[0][price_data][product]=p"
                + "&items[0][price_data][recurring][interval]=month"),
        bad("subscription interval unknown", 400, "POST", "/v1/subscriptions", "customer=cus_x&" + ITEM.replace("month", "fortnight")),
        bad("subscription discount naming two things", 400, "POST", "/v1/subscriptions",
            "customer=cus_x&" + ITEM + "&discounts[0][coupon]=SEED&discounts[0][promotion_code]=promo_x"),
        bad("subscription discounts with a gap", 400, "POST", "/v1/subscriptions",
            "customer=cus_x&" + ITEM + "&discounts[1][coupon]=SEED"),
        bad("subscription coupon= in basil", 400, "POST", "/v1/subscriptions", "customer=cus_x&" + ITEM + "&coupon=SEED",
            "Stripe-Version", "2025-03-31.basil"),
        bad("subscription retrieve missing", 404, "GET", "/v1/subscriptions/sub_nope", null),
        bad("subscription cancel missing", 404, "DELETE", "/v1/subscriptions/sub_nope", null),
        bad("subscription list status unknown", 400, "GET", "/v1/subscriptions?status=paused", null),
        // invoice previews
        bad("preview without customer or subscription", 400, "POST", "/v1/invoices/create_preview",
            "invoice_items[0][amount]=100&invoice_items[0][currency]=usd"),
        bad("preview for a missing customer", 400, "POST", "/v1/invoices/create_preview",
            "customer=cus_nope&invoice_items[0][amount]=100&invoice_items[0][currency]=usd"),
        bad("preview item with amount and unit_amount", 400, "POST", "/v1/invoices/create_preview",
            "customer=cus_x&invoice_items[0][amount]=1&invoice_items[0][unit_amount]=1&invoice_items[0][currency]=usd"),
        bad("preview item without currency", 400, "POST", "/v1/invoices/create_preview",
            "customer=cus_x&invoice_items[0][amount]=1"),
        bad("preview item amount negative", 400, "POST", "/v1/invoices/create_preview",
            "customer=cus_x&invoice_items[0][amount]=-5&invoice_items[0][currency]=usd"),
        bad("preview coupon= in basil", 400, "POST", "/v1/invoices/create_preview", "customer=cus_x&coupon=SEED",
            "Stripe-Version", "2025-03-31.basil"),
        bad("upcoming in clover (removed in basil)", 404, "GET", "/v1/invoices/upcoming?customer=cus_x", null),
        // wrong methods and unknown paths
        bad("PUT on the collection", 404, "PUT", "/v1/coupons", "percent_off=5"),
        bad("PATCH on a coupon", 404, "PATCH", "/v1/coupons/SEED", "name=x"),
        bad("DELETE on the collection", 404, "DELETE", "/v1/coupons", null),
        bad("singular path", 404, "GET", "/v1/coupon", null),
        bad("other API version path", 404, "POST", "/v2/coupons", "percent_off=5"),
        bad("root", 404, "GET", "/", null),
        bad("nested unknown path", 404, "GET", "/v1/coupons/SEED/redeem", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void getsAStripeShaped4xx_andChangesNothing(String name, int status, String method, String path, String body,
      String[] headers) {
    HttpResponse<String> response = api.send(method, path, key, body, headers);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    Map<String, Object> error = errorOf(response.body());
    assertThat(error.get("type")).isIn("invalid_request_error", "idempotency_error");
    assertThat((String) error.get("message")).isNotBlank();
    assertThat(api.test.snapshot()).isEqualTo(before);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> errorOf(String body) {
    Map<String, Object> parsed = Json.readObject(body);
    assertThat(parsed).containsOnlyKeys("error");
    return (Map<String, Object>) parsed.get("error");
  }
}

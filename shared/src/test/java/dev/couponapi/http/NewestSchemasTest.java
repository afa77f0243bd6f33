package dev.couponapi.http;

import dev.couponapi.testing.TestApp;
import static dev.couponapi.http.DiscountFixture.ITEM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.testing.StripeSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Responses in the newest version (2026-10-28.endive) validate against Stripe's newest schemas
 * (docs/stripe-openapi-subset.json, x-latest): every required field, the types, and nothing the
 * schema does not have.
 */
class NewestSchemasTest {

  private static final String ENDIVE = "2026-10-28.endive";

  private final DiscountFixture f = new DiscountFixture();

  @SuppressWarnings("unchecked")
  @Test
  void couponsCodesDiscountsAndTheirDeletedForms_validate() {
    Map<String, Object> percent = TestApp.body(f.client.version(ENDIVE).post("/v1/coupons",
        "id=P&percent_off=25.5&duration=repeating"
        + "&duration_in_months=3&max_redemptions=10&metadata[k]=v&applies_to[products][]=prod_A&expand[]=applies_to"));
    Map<String, Object> amount = TestApp.body(f.client.version(ENDIVE).post("/v1/coupons",
        "id=A&amount_off=500&currency=usd"
        + "&currency_options[eur][amount_off]=450&expand[]=currency_options"));
    assertThat(StripeSchemas.violations(percent, "coupon")).isEmpty();
    assertThat(StripeSchemas.violations(amount, "coupon")).isEmpty();

    Map<String, Object> code = TestApp.body(f.client.version(ENDIVE).post("/v1/promotion_codes",
        "promotion[type]=coupon"
        + "&promotion[coupon]=P&code=SPRING&max_redemptions=5&restrictions[minimum_amount]=1000"
        + "&restrictions[minimum_amount_currency]=usd&expand[]=promotion.coupon"));
    assertThat(StripeSchemas.violations(code, "promotion_code")).isEmpty();

    Map<String, Object> open = TestApp.body(f.client.version(ENDIVE).post("/v1/promotion_codes",
        "promotion[type]=coupon"
        + "&promotion[coupon]=P&code=OPEN"));
    Map<String, Object> customer = TestApp.body(f.client.version(ENDIVE).post("/v1/customers",
        "name=Jenny&email=jenny@example.com&promotion_code=" + open.get("id")));
    assertThat(StripeSchemas.violations(customer, "customer")).isEmpty();
    assertThat(StripeSchemas.violations(customer.get("discount"), "discount")).isEmpty();

    Map<String, Object> subscription = TestApp.body(f.client.version(ENDIVE).post("/v1/subscriptions", "customer="
        + customer.get("id") + "&" + ITEM + "&discounts[0][coupon]=P&expand[]=discounts"));
    for (Object discount : (List<Object>) subscription.get("discounts")) {
      assertThat(StripeSchemas.violations(discount, "discount")).isEmpty();
    }
    Map<String, Object> removed = TestApp.body(f.client.version(ENDIVE)
        .delete("/v1/subscriptions/" + subscription.get("id") + "/discount"));
    assertThat(StripeSchemas.violations(removed, "deleted_discount")).isEmpty();
    Map<String, Object> removedFromCustomer = TestApp.body(f.client.version(ENDIVE)
        .delete("/v1/customers/" + customer.get("id") + "/discount"));
    assertThat(StripeSchemas.violations(removedFromCustomer, "deleted_discount")).isEmpty();

    assertThat(StripeSchemas.violations(TestApp.body(f.client.version(ENDIVE).delete("/v1/coupons/A")),
        "deleted_coupon"))
        .isEmpty();
    assertThat(StripeSchemas.violations(TestApp.body(f.client.version(ENDIVE)
        .delete("/v1/customers/" + customer.get("id"))),
        "deleted_customer")).isEmpty();
  }

  @Test
  void theCheckItselfCatches_aMissingRequiredField_aWrongType_andAFieldTheSchemaLacks() {
    Map<String, Object> coupon = TestApp.body(f.client.version(ENDIVE).post("/v1/coupons", "id=X&percent_off=5"));
    Map<String, Object> broken = new java.util.LinkedHashMap<>(coupon);
    broken.remove("valid");
    broken.put("times_redeemed", "three");
    broken.put("colour", "red");
    assertThat(StripeSchemas.violations(broken, "coupon")).containsExactlyInAnyOrder(
        "coupon.valid: required, but absent", "coupon.times_redeemed: expected an integer, got three",
        "coupon.colour: not in the schema");
  }
}

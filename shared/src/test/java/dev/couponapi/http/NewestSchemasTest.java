package dev.couponapi.http;

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
    Map<String, Object> percent = f.post(f.coupons.create(), "/v1/coupons", "id=P&percent_off=25.5&duration=repeating"
        + "&duration_in_months=3&max_redemptions=10&metadata[k]=v&applies_to[products][]=prod_A&expand[]=applies_to",
        ENDIVE);
    Map<String, Object> amount = f.post(f.coupons.create(), "/v1/coupons", "id=A&amount_off=500&currency=usd"
        + "&currency_options[eur][amount_off]=450&expand[]=currency_options", ENDIVE);
    assertThat(StripeSchemas.violations(percent, "coupon")).isEmpty();
    assertThat(StripeSchemas.violations(amount, "coupon")).isEmpty();

    Map<String, Object> code = f.post(f.codes.create(), "/v1/promotion_codes", "promotion[type]=coupon"
        + "&promotion[coupon]=P&code=SPRING&max_redemptions=5&restrictions[minimum_amount]=1000"
        + "&restrictions[minimum_amount_currency]=usd&expand[]=promotion.coupon", ENDIVE);
    assertThat(StripeSchemas.violations(code, "promotion_code")).isEmpty();

    Map<String, Object> open = f.post(f.codes.create(), "/v1/promotion_codes", "promotion[type]=coupon"
        + "&promotion[coupon]=P&code=OPEN", ENDIVE);
    Map<String, Object> customer = f.post(f.customers.create(), "/v1/customers",
        "name=Jenny&email=jenny@example.com&promotion_code=" + open.get("id"), ENDIVE);
    assertThat(StripeSchemas.violations(customer, "customer")).isEmpty();
    assertThat(StripeSchemas.violations(customer.get("discount"), "discount")).isEmpty();

    Map<String, Object> subscription = f.post(f.subscriptions.create(), "/v1/subscriptions", "customer="
        + customer.get("id") + "&" + ITEM + "&discounts[0][coupon]=P&expand[]=discounts", ENDIVE);
    for (Object discount : (List<Object>) subscription.get("discounts")) {
      assertThat(StripeSchemas.violations(discount, "discount")).isEmpty();
    }
    Map<String, Object> removed = f.delete(f.subscriptions.deleteDiscount(),
        "/v1/subscriptions/" + subscription.get("id") + "/discount", ENDIVE);
    assertThat(StripeSchemas.violations(removed, "deleted_discount")).isEmpty();
    Map<String, Object> removedFromCustomer = f.delete(f.customers.deleteDiscount(),
        "/v1/customers/" + customer.get("id") + "/discount", ENDIVE);
    assertThat(StripeSchemas.violations(removedFromCustomer, "deleted_discount")).isEmpty();

    assertThat(StripeSchemas.violations(f.delete(f.coupons.delete(), "/v1/coupons/A", ENDIVE), "deleted_coupon"))
        .isEmpty();
    assertThat(StripeSchemas.violations(f.delete(f.customers.delete(), "/v1/customers/" + customer.get("id"), ENDIVE),
        "deleted_customer")).isEmpty();
  }

  @Test
  void theCheckItselfCatches_aMissingRequiredField_aWrongType_andAFieldTheSchemaLacks() {
    Map<String, Object> coupon = f.post(f.coupons.create(), "/v1/coupons", "id=X&percent_off=5", ENDIVE);
    Map<String, Object> broken = new java.util.LinkedHashMap<>(coupon);
    broken.remove("valid");
    broken.put("times_redeemed", "three");
    broken.put("colour", "red");
    assertThat(StripeSchemas.violations(broken, "coupon")).containsExactlyInAnyOrder(
        "coupon.valid: required, but absent", "coupon.times_redeemed: expected an integer, got three",
        "coupon.colour: not in the schema");
  }
}

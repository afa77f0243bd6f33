package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Discount;
import com.stripe.model.Subscription;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PromotionCodeCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import dev.couponapi.domain.Tenant;
import dev.couponapi.wire.Json;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discounts through the local API with stripe-java 28.4.0, which speaks 2025-02-24.acacia: the
 * version that still has {@code coupon} on customers and subscriptions; and raw HTTP for clover's
 * {@code source} shape.
 */
class DiscountEndToEndTest {

  private final LocalApi api = new LocalApi();
  private final String key = api.keyFor(new Tenant("acct_discounts", false));
  private final StripeClient stripe = StripeClient.builder().setApiKey(key).setApiBase(api.url()).build();

  @BeforeEach
  void coupons() throws Exception {
    stripe.coupons().create(CouponCreateParams.builder().setId("WELCOME").setPercentOff(new BigDecimal("20"))
        .setDuration(CouponCreateParams.Duration.REPEATING).setDurationInMonths(3L).build());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aCustomerDiscount_applied_readBack_deleted_thenA404() throws Exception {
    Customer customer = stripe.customers().create(CustomerCreateParams.builder().setName("Jenny Rosen")
        .setEmail("jenny@example.com").setCoupon("WELCOME").build());
    Discount discount = customer.getDiscount();
    assertThat(discount.getId()).startsWith("di_");
    assertThat(discount.getCoupon().getId()).isEqualTo("WELCOME");
    assertThat(discount.getCoupon().getTimesRedeemed()).isEqualTo(1L);
    assertThat(discount.getCustomer()).isEqualTo(customer.getId());
    assertThat(discount.getEnd()).isGreaterThan(discount.getStart());

    Customer read = stripe.customers().retrieve(customer.getId());
    assertThat(read.getDiscount().getId()).isEqualTo(discount.getId());

    Discount deleted = stripe.customers().deleteDiscount(customer.getId());
    assertThat(deleted.getId()).isEqualTo(discount.getId());
    assertThat(stripe.customers().retrieve(customer.getId()).getDiscount()).isNull();

    InvalidRequestException again = catchThrowableOfType(InvalidRequestException.class,
        () -> stripe.customers().deleteDiscount(customer.getId()));
    assertThat(again.getStatusCode()).isEqualTo(404);
    assertThat(again.getCode()).isEqualTo("resource_missing");
  }

  @Test
  void aPromotionCodeOnAnExistingCustomer() throws Exception {
    String code = stripe.promotionCodes().create(PromotionCodeCreateParams.builder().setCoupon("WELCOME")
        .setCode("HELLO").build()).getId();
    Customer customer = stripe.customers().create(CustomerCreateParams.builder().setName("Sam").build());
    Customer updated = stripe.customers().update(customer.getId(),
        CustomerUpdateParams.builder().setPromotionCode(code).build());
    assertThat(updated.getDiscount().getPromotionCode()).isEqualTo(code);
    assertThat(stripe.promotionCodes().retrieve(code).getTimesRedeemed()).isEqualTo(1L);
  }

  @Test
  void aSubscriptionWithADiscount_andItsRemoval() throws Exception {
    Customer customer = stripe.customers().create(CustomerCreateParams.builder().setName("Sub").build());
    Subscription subscription = stripe.subscriptions().create(SubscriptionCreateParams.builder()
        .setCustomer(customer.getId())
        .addItem(SubscriptionCreateParams.Item.builder()
            .setPriceData(SubscriptionCreateParams.Item.PriceData.builder()
                .setCurrency("usd").setProduct("prod_basic").setUnitAmount(2000L)
                .setRecurring(SubscriptionCreateParams.Item.PriceData.Recurring.builder()
                    .setInterval(SubscriptionCreateParams.Item.PriceData.Recurring.Interval.MONTH).build())
                .build())
            .build())
        .setCoupon("WELCOME")
        .build());
    assertThat(subscription.getStatus()).isEqualTo("active");
    assertThat(subscription.getDiscount().getCoupon().getId()).isEqualTo("WELCOME");
    assertThat(subscription.getDiscounts()).containsExactly(subscription.getDiscount().getId());

    Discount removed = stripe.subscriptions().deleteDiscount(subscription.getId());
    assertThat(removed.getId()).isEqualTo(subscription.getDiscount().getId());
    Subscription after = stripe.subscriptions().retrieve(subscription.getId());
    assertThat(after.getDiscount()).isNull();
    assertThat(after.getDiscounts()).isEmpty();
    assertThat(catchThrowableOfType(InvalidRequestException.class,
        () -> stripe.subscriptions().deleteDiscount(subscription.getId())).getStatusCode()).isEqualTo(404);

    Subscription canceled = stripe.subscriptions().cancel(subscription.getId());
    assertThat(canceled.getStatus()).isEqualTo("canceled");
  }

  @Test
  void clover_rawHttp_theSourceShape() {
    HttpResponse<String> created = api.send("POST", "/v1/customers", key, "coupon=WELCOME&expand[]=discount.source.coupon",
        "Stripe-Version", "2025-09-30.clover");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(created.body()).contains("\"source\":{\"coupon\":{\"id\":\"WELCOME\",\"object\":\"coupon\"");
    String id = (String) Json.readObject(created.body()).get("id");

    HttpResponse<String> read = api.send("GET", "/v1/customers/" + id, key, null, "Stripe-Version", "2025-09-30.clover");
    @SuppressWarnings("unchecked")
    Map<String, Object> discount = (Map<String, Object>) Json.readObject(read.body()).get("discount");
    assertThat(discount).containsEntry("source", Map.of("coupon", "WELCOME", "type", "coupon"))
        .doesNotContainKey("coupon");

    HttpResponse<String> deleted = api.send("DELETE", "/v1/customers/" + id + "/discount", key, null,
        "Stripe-Version", "2025-09-30.clover");
    assertThat(Json.readObject(deleted.body())).containsEntry("deleted", true).doesNotContainKey("end")
        .containsEntry("source", Map.of("coupon", "WELCOME", "type", "coupon"));

    HttpResponse<String> subscription = api.send("POST", "/v1/subscriptions", key, "customer=" + id
        + "&items[0][price_data][currency]=usd&items[0][price_data][product]=prod_A&items[0][price_data][unit_amount]=900"
        + "&items[0][price_data][recurring][interval]=month&discounts[0][coupon]=WELCOME&expand[]=discounts",
        "Stripe-Version", "2025-09-30.clover");
    assertThat(subscription.statusCode()).as(subscription.body()).isEqualTo(200);
    assertThat(subscription.body()).doesNotContain("\"discount\":")
        .contains("\"discounts\":[{\"id\":\"di_").contains("\"source\":{\"coupon\":\"WELCOME\",\"type\":\"coupon\"}");
  }
}

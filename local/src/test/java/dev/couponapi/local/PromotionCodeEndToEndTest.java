package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PromotionCode;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.PromotionCodeCreateParams;
import com.stripe.param.PromotionCodeListParams;
import com.stripe.param.PromotionCodeUpdateParams;
import dev.couponapi.domain.Tenant;
import dev.couponapi.wire.Json;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Promotion codes through the local API: stripe-java 28.4.0 speaks 2025-02-24.acacia, the shape
 * with the coupon embedded; raw HTTP with Stripe-Version 2025-09-30.clover gets the promotion shape.
 */
class PromotionCodeEndToEndTest {

  private final LocalApi api = new LocalApi();
  private final String key = api.keyFor(new Tenant("acct_promoe2e", false));
  private final StripeClient stripe = StripeClient.builder().setApiKey(key).setApiBase(api.url()).build();

  @BeforeEach
  void aCoupon() throws Exception {
    stripe.coupons().create(CouponCreateParams.builder().setId("SUMMER").setPercentOff(new BigDecimal("15"))
        .setMaxRedemptions(100L).build());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void stripeJava_createRetrieveDeactivateList_inTheCouponShape() throws Exception {
    PromotionCode created = stripe.promotionCodes().create(PromotionCodeCreateParams.builder()
        .setCoupon("SUMMER")
        .setCode("Summer15")
        .setMaxRedemptions(50L)
        .putMetadata("channel", "email")
        .setRestrictions(PromotionCodeCreateParams.Restrictions.builder()
            .setFirstTimeTransaction(true)
            .setMinimumAmount(1000L)
            .setMinimumAmountCurrency("usd")
            .build())
        .build());
    assertThat(created.getId()).startsWith("promo_");
    assertThat(created.getCode()).isEqualTo("Summer15");
    assertThat(created.getActive()).isTrue();
    assertThat(created.getCoupon().getId()).isEqualTo("SUMMER");
    assertThat(created.getCoupon().getPercentOff()).isEqualByComparingTo("15");
    assertThat(created.getRestrictions().getFirstTimeTransaction()).isTrue();
    assertThat(created.getRestrictions().getMinimumAmount()).isEqualTo(1000L);

    PromotionCode retrieved = stripe.promotionCodes().retrieve(created.getId());
    assertThat(retrieved.getMetadata()).isEqualTo(Map.of("channel", "email"));

    InvalidRequestException taken = catchThrowableOfType(InvalidRequestException.class, () ->
        stripe.promotionCodes().create(PromotionCodeCreateParams.builder().setCoupon("SUMMER").setCode("SUMMER15")
            .build()));
    assertThat(taken.getParam()).isEqualTo("code");

    PromotionCode off = stripe.promotionCodes().update(created.getId(),
        PromotionCodeUpdateParams.builder().setActive(false).build());
    assertThat(off.getActive()).isFalse();
    PromotionCode reused = stripe.promotionCodes().create(PromotionCodeCreateParams.builder().setCoupon("SUMMER")
        .setCode("summer15").build());
    assertThat(reused.getActive()).isTrue();

    List<String> active = new ArrayList<>();
    for (PromotionCode code : stripe.promotionCodes().list(PromotionCodeListParams.builder().setActive(true)
        .setCode("SUMMER15").build()).autoPagingIterable()) {
      active.add(code.getId());
    }
    assertThat(active).containsExactly(reused.getId());
  }

  @Test
  void stripeJava_autoPaginatesAndFiltersByCoupon() throws Exception {
    stripe.coupons().create(CouponCreateParams.builder().setId("OTHER").setPercentOff(BigDecimal.ONE).build());
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      created.add(stripe.promotionCodes().create(PromotionCodeCreateParams.builder().setCoupon("SUMMER").build())
          .getId());
    }
    stripe.promotionCodes().create(PromotionCodeCreateParams.builder().setCoupon("OTHER").build());
    List<String> seen = new ArrayList<>();
    for (PromotionCode code : stripe.promotionCodes().list(PromotionCodeListParams.builder().setCoupon("SUMMER")
        .setLimit(5L).build()).autoPagingIterable()) {
      seen.add(code.getId());
    }
    java.util.Collections.reverse(created);
    assertThat(seen).containsExactlyElementsOf(created);
  }

  @Test
  void clover_rawHttp_thePromotionShape() {
    HttpResponse<String> response = api.send("POST", "/v1/promotion_codes", key,
        "promotion[type]=coupon&promotion[coupon]=SUMMER&code=CLOVER15&expand[]=promotion.coupon",
        "Stripe-Version", "2025-09-30.clover");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Stripe-Version")).contains("2025-09-30.clover");
    Map<String, Object> code = Json.readObject(response.body());
    assertThat(code).doesNotContainKey("coupon").containsEntry("customer_account", null);
    assertThat(response.body()).contains("\"promotion\":{\"coupon\":{\"id\":\"SUMMER\",\"object\":\"coupon\"");

    String id = (String) code.get("id");
    HttpResponse<String> plain = api.send("GET", "/v1/promotion_codes/" + id, key, null,
        "Stripe-Version", "2025-09-30.clover");
    assertThat(plain.body()).contains("\"promotion\":{\"coupon\":\"SUMMER\",\"type\":\"coupon\"}");
    HttpResponse<String> old = api.send("GET", "/v1/promotion_codes/" + id, key, null,
        "Stripe-Version", "2025-03-31.basil");
    assertThat(old.body()).contains("\"coupon\":{\"id\":\"SUMMER\"").doesNotContain("\"promotion\"");

    HttpResponse<String> oldParameter = api.send("POST", "/v1/promotion_codes", key, "coupon=SUMMER",
        "Stripe-Version", "2025-09-30.clover");
    assertThat(oldParameter.statusCode()).isEqualTo(400);
    assertThat(oldParameter.body()).contains("parameter_unknown").contains("\"param\":\"coupon\"");
  }
}

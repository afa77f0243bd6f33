package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.AuthenticationException;
import com.stripe.model.Coupon;
import com.stripe.model.StripeCollection;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CouponListParams;
import com.stripe.param.CouponUpdateParams;
import dev.couponapi.domain.Tenant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local API driven by the official stripe-java client, pointed at it with setApiBase. */
class CouponEndToEndTest {

  private final LocalApi api = new LocalApi();
  private final StripeClient stripe = StripeClient.builder()
      .setApiKey(api.keyFor(new Tenant("acct_e2e", false)))
      .setApiBase(api.url())
      .build();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void percentCoupon_createRetrieveUpdateDelete() throws Exception {
    Coupon created = stripe.coupons().create(CouponCreateParams.builder()
        .setId("SPRING25")
        .setPercentOff(new BigDecimal("25.5"))
        .setDuration(CouponCreateParams.Duration.REPEATING)
        .setDurationInMonths(3L)
        .setMaxRedemptions(100L)
        .setName("Spring 25%")
        .putMetadata("campaign", "spring")
        .setAppliesTo(CouponCreateParams.AppliesTo.builder().addProduct("prod_A").build())
        .addExpand("applies_to")
        .build());
    assertThat(created.getId()).isEqualTo("SPRING25");
    assertThat(created.getPercentOff()).isEqualByComparingTo("25.5");
    assertThat(created.getDuration()).isEqualTo("repeating");
    assertThat(created.getDurationInMonths()).isEqualTo(3L);
    assertThat(created.getValid()).isTrue();
    assertThat(created.getLivemode()).isFalse();
    assertThat(created.getTimesRedeemed()).isZero();
    assertThat(created.getAppliesTo().getProducts()).containsExactly("prod_A");
    assertThat(created.getMetadata()).isEqualTo(Map.of("campaign", "spring"));

    Coupon retrieved = stripe.coupons().retrieve("SPRING25");
    assertThat(retrieved.getName()).isEqualTo("Spring 25%");
    assertThat(retrieved.getAppliesTo()).isNull();
    assertThat(retrieved.getLastResponse().headers().firstValue("Request-Id")).get().asString().startsWith("req_");

    Coupon updated = stripe.coupons().update("SPRING25", CouponUpdateParams.builder()
        .setName("Spring sale")
        .putMetadata("campaign", "")
        .putMetadata("owner", "growth")
        .build());
    assertThat(updated.getName()).isEqualTo("Spring sale");
    assertThat(updated.getMetadata()).isEqualTo(Map.of("owner", "growth"));

    Coupon deleted = stripe.coupons().delete("SPRING25");
    assertThat(deleted.getDeleted()).isTrue();
    InvalidRequestException gone = catchThrowableOfType(InvalidRequestException.class,
        () -> stripe.coupons().retrieve("SPRING25"));
    assertThat(gone.getStatusCode()).isEqualTo(404);
    assertThat(gone.getCode()).isEqualTo("resource_missing");
  }

  @Test
  void amountCoupon_withCurrencyOptions() throws Exception {
    Coupon created = stripe.coupons().create(CouponCreateParams.builder()
        .setAmountOff(500L)
        .setCurrency("USD")
        .putCurrencyOption("eur", CouponCreateParams.CurrencyOption.builder().setAmountOff(450L).build())
        .setDuration(CouponCreateParams.Duration.ONCE)
        .addExpand("currency_options")
        .build());
    assertThat(created.getId()).matches("[A-Za-z0-9]{8}");
    assertThat(created.getAmountOff()).isEqualTo(500L);
    assertThat(created.getCurrency()).isEqualTo("usd");
    assertThat(created.getPercentOff()).isNull();
    assertThat(created.getCurrencyOptions().get("eur").getAmountOff()).isEqualTo(450L);
  }

  @Test
  void list_autoPaginatesOverSeveralPages_newestFirst() throws Exception {
    List<String> createdIds = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      createdIds.add(stripe.coupons().create(CouponCreateParams.builder()
          .setPercentOff(BigDecimal.valueOf(i + 1)).build()).getId());
    }
    StripeCollection<Coupon> firstPage = stripe.coupons().list(CouponListParams.builder().setLimit(10L).build());
    assertThat(firstPage.getData()).hasSize(10);
    assertThat(firstPage.getHasMore()).isTrue();
    assertThat(firstPage.getUrl()).isEqualTo("/v1/coupons");

    List<String> seen = new ArrayList<>();
    for (Coupon coupon : firstPage.autoPagingIterable()) {
      seen.add(coupon.getId());
    }
    List<String> newestFirst = new ArrayList<>(createdIds);
    java.util.Collections.reverse(newestFirst);
    assertThat(seen).containsExactlyElementsOf(newestFirst);
  }

  @Test
  void errors_arriveAsStripeExceptions() throws Exception {
    InvalidRequestException missing = catchThrowableOfType(InvalidRequestException.class,
        () -> stripe.coupons().create(CouponCreateParams.builder().setDuration(CouponCreateParams.Duration.ONCE).build()));
    assertThat(missing.getStatusCode()).isEqualTo(400);
    assertThat(missing.getCode()).isEqualTo("parameter_missing");
    assertThat(missing.getParam()).isEqualTo("percent_off");
    assertThat(missing.getRequestId()).startsWith("req_");

    stripe.coupons().create(CouponCreateParams.builder().setId("TAKEN").setPercentOff(BigDecimal.TEN).build());
    InvalidRequestException taken = catchThrowableOfType(InvalidRequestException.class,
        () -> stripe.coupons().create(CouponCreateParams.builder().setId("TAKEN").setPercentOff(BigDecimal.ONE).build()));
    assertThat(taken.getCode()).isEqualTo("resource_already_exists");

    StripeClient wrongKey = StripeClient.builder().setApiKey("sk_test_0000000000000000nope").setApiBase(api.url()).build();
    AuthenticationException unauthorized = catchThrowableOfType(AuthenticationException.class,
        () -> wrongKey.coupons().list());
    assertThat(unauthorized.getStatusCode()).isEqualTo(401);
    assertThat(unauthorized.getMessage()).contains("Invalid API Key provided: sk_test_****");
  }
}

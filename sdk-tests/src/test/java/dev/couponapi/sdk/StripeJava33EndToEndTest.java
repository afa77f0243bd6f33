package dev.couponapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Coupon;
import com.stripe.model.Customer;
import com.stripe.model.Discount;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.PromotionCode;
import com.stripe.model.Subscription;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.CouponListParams;
import com.stripe.param.CouponUpdateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.PromotionCodeCreateParams;
import com.stripe.param.PromotionCodeListParams;
import com.stripe.param.PromotionCodeUpdateParams;
import com.stripe.param.SubscriptionCreateParams;
import dev.couponapi.domain.Tenant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole surface through stripe-java 33.0.0, which pins 2026-05-27.dahlia and cannot send
 * another version: discounts name their coupon through {@code source}, promotion codes through
 * {@code promotion}, customers have no coupon parameter (this API's extension is reached with an
 * extra parameter), subscriptions have no singular discount.
 */
class StripeJava33EndToEndTest {

  private final LocalServer api = new LocalServer();
  private final StripeClient stripe = StripeClient.builder().setApiKey(api.keyFor(new Tenant("acct_java33", false)))
      .setApiBase(api.url()).build();

  @AfterEach
  void stop() {
    api.close();
  }

  /** A subscription of 2000 a month for {@code customer}, with {@code coupon}. */
  private static SubscriptionCreateParams.Builder monthly(Customer customer, String coupon) {
    return SubscriptionCreateParams.builder().setCustomer(customer.getId())
        .addItem(SubscriptionCreateParams.Item.builder().setPriceData(SubscriptionCreateParams.Item.PriceData.builder()
            .setCurrency("usd").setProduct("prod_basic").setUnitAmount(2000L)
            .setRecurring(SubscriptionCreateParams.Item.PriceData.Recurring.builder()
                .setInterval(SubscriptionCreateParams.Item.PriceData.Recurring.Interval.MONTH).build()).build())
            .build())
        .addDiscount(SubscriptionCreateParams.Discount.builder().setCoupon(coupon).build());
  }

  private Coupon coupon(String id, String percent) throws Exception {
    return stripe.coupons().create(CouponCreateParams.builder().setId(id).setPercentOff(new BigDecimal(percent))
        .setDuration(CouponCreateParams.Duration.REPEATING).setDurationInMonths(3L).setMaxRedemptions(10L).build());
  }

  @Test
  void coupons_createRetrieveUpdateListDelete_inTheDahliaVersion() throws Exception {
    Coupon created = coupon("SPRING25", "25.5");
    assertThat(created.getLastResponse().headers().firstValue("Stripe-Version")).hasValue("2026-05-27.dahlia");
    assertThat(created.getPercentOff()).isEqualByComparingTo("25.5");
    assertThat(created.getValid()).isTrue();
    assertThat(stripe.coupons().retrieve("SPRING25").getDurationInMonths()).isEqualTo(3L);
    Coupon renamed = stripe.coupons().update("SPRING25", CouponUpdateParams.builder().setName("Spring sale")
        .putMetadata("campaign", "spring").build());
    assertThat(renamed.getName()).isEqualTo("Spring sale");
    assertThat(renamed.getMetadata()).containsEntry("campaign", "spring");
    coupon("SUMMER", "10");
    List<String> ids = new ArrayList<>();
    stripe.coupons().list(CouponListParams.builder().setLimit(1L).build()).autoPagingIterable()
        .forEach(coupon -> ids.add(coupon.getId()));
    assertThat(ids).containsExactly("SUMMER", "SPRING25");
    assertThat(stripe.coupons().delete("SUMMER").getDeleted()).isTrue();
    InvalidRequestException gone = catchThrowableOfType(InvalidRequestException.class,
        () -> stripe.coupons().retrieve("SUMMER"));
    assertThat(gone.getStatusCode()).isEqualTo(404);
    assertThat(gone.getCode()).isEqualTo("resource_missing");
  }

  @Test
  void promotionCodes_nameTheirCouponThroughPromotion() throws Exception {
    coupon("SPRING25", "25");
    PromotionCode code = stripe.promotionCodes().create(PromotionCodeCreateParams.builder()
        .setPromotion(PromotionCodeCreateParams.Promotion.builder().setType(PromotionCodeCreateParams.Promotion.Type.COUPON)
            .setCoupon("SPRING25").build())
        .setCode("SPRING25OFF").setMaxRedemptions(5L).build());
    assertThat(code.getPromotion().getType()).isEqualTo("coupon");
    assertThat(code.getPromotion().getCoupon()).isEqualTo("SPRING25");
    assertThat(code.getActive()).isTrue();
    assertThat(code.getCustomerAccount()).isNull();
    PromotionCode expanded = stripe.promotionCodes().retrieve(code.getId(),
        com.stripe.param.PromotionCodeRetrieveParams.builder().addExpand("promotion.coupon").build());
    assertThat(expanded.getPromotion().getCouponObject().getPercentOff()).isEqualByComparingTo("25");
    assertThat(stripe.promotionCodes().update(code.getId(), PromotionCodeUpdateParams.builder().setActive(false)
        .build()).getActive()).isFalse();
    assertThat(stripe.promotionCodes().list(PromotionCodeListParams.builder().setCoupon("SPRING25").build())
        .getData()).extracting(PromotionCode::getId).containsExactly(code.getId());
  }

  @Test
  void subscriptionDiscounts_andTheirDeletion_inTheSourceShape() throws Exception {
    coupon("WELCOME", "20");
    Customer customer = stripe.customers().create(CustomerCreateParams.builder().setName("Jenny Rosen").build());
    Subscription subscription = stripe.subscriptions().create(monthly(customer, "WELCOME").addExpand("discounts")
        .build());
    assertThat(subscription.getDiscounts()).hasSize(1);
    Discount discount = subscription.getDiscountObjects().get(0);
    assertThat(discount.getSource().getType()).isEqualTo("coupon");
    assertThat(discount.getSource().getCoupon()).isEqualTo("WELCOME");
    assertThat(discount.getSubscription()).isEqualTo(subscription.getId());
    assertThat(stripe.coupons().retrieve("WELCOME").getTimesRedeemed()).isEqualTo(1L);

    Discount removed = stripe.subscriptions().deleteDiscount(subscription.getId());
    assertThat(removed.getId()).isEqualTo(discount.getId());
    assertThat(removed.getDeleted()).isTrue();
    assertThat(stripe.subscriptions().retrieve(subscription.getId()).getDiscounts()).isEmpty();
    // dahlia still sends the string form of billing_cycle_anchor (endive made it an object)
    Subscription reanchored = stripe.subscriptions().update(subscription.getId(),
        com.stripe.param.SubscriptionUpdateParams.builder()
            .setBillingCycleAnchor(com.stripe.param.SubscriptionUpdateParams.BillingCycleAnchor.NOW).build());
    assertThat(reanchored.getBillingCycleAnchor()).isGreaterThanOrEqualTo(subscription.getCreated());
    assertThat(stripe.subscriptions().cancel(subscription.getId()).getStatus()).isEqualTo("canceled");
  }

  @Test
  void invoices_theFirstOfASubscription_andAOneOffOfAPendingItem_finalizedAndPaidOutOfBand() throws Exception {
    coupon("BILLED", "10");
    Customer customer = stripe.customers().create(CustomerCreateParams.builder().setName("Billing").build());
    Subscription subscription = stripe.subscriptions().create(monthly(customer, "BILLED").build());
    com.stripe.model.Invoice first = stripe.invoices().retrieve(subscription.getLatestInvoice());
    assertThat(first.getStatus()).isEqualTo("paid");
    assertThat(first.getTotal()).isEqualTo(1800L);
    assertThat(first.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscription.getId());
    assertThat(subscription.getItems().getData().get(0).getCurrentPeriodEnd())
        .isGreaterThan(subscription.getItems().getData().get(0).getCurrentPeriodStart());

    com.stripe.model.InvoiceItem item = stripe.invoiceItems().create(com.stripe.param.InvoiceItemCreateParams.builder()
        .setCustomer(customer.getId()).setAmount(2500L).setCurrency("usd").setDescription("Setup").build());
    assertThat(item.getInvoice()).isNull();
    com.stripe.model.Invoice draft = stripe.invoices().create(com.stripe.param.InvoiceCreateParams.builder()
        .setCustomer(customer.getId())
        .setPendingInvoiceItemsBehavior(com.stripe.param.InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE)
        .build());
    assertThat(draft.getStatus()).isEqualTo("draft");
    assertThat(draft.getTotal()).isEqualTo(2500L);
    com.stripe.model.Invoice open = stripe.invoices().finalizeInvoice(draft.getId());
    assertThat(open.getStatus()).isEqualTo("open");
    assertThat(open.getNumber()).endsWith("-0002");
    com.stripe.model.Invoice paid = stripe.invoices().pay(draft.getId(),
        com.stripe.param.InvoicePayParams.builder().setPaidOutOfBand(true).build());
    assertThat(paid.getStatus()).isEqualTo("paid");
    assertThat(stripe.invoiceItems().retrieve(item.getId()).getInvoice()).isEqualTo(draft.getId());
    assertThat(stripe.invoices().list(com.stripe.param.InvoiceListParams.builder().setCustomer(customer.getId())
        .build()).getData()).extracting(com.stripe.model.Invoice::getId).containsExactly(draft.getId(), first.getId());
  }

  @Test
  void aCustomerDiscount_throughThisApisExtensionParameter_readBack_andDeleted() throws Exception {
    coupon("LOYAL", "15");
    // stripe-java 33 has no setCoupon on customers (Stripe removed it in basil): the extension rides as an extra param
    Customer customer = stripe.customers().create(CustomerCreateParams.builder().setEmail("jenny@example.com")
        .putExtraParam("coupon", "LOYAL").build());
    assertThat(customer.getDiscount().getSource().getCoupon()).isEqualTo("LOYAL");
    assertThat(customer.getDiscount().getCustomer()).isEqualTo(customer.getId());
    assertThat(stripe.customers().retrieve(customer.getId()).getDiscount().getId())
        .isEqualTo(customer.getDiscount().getId());
    Discount removed = stripe.customers().deleteDiscount(customer.getId());
    assertThat(removed.getDeleted()).isTrue();
    assertThat(removed.getSource().getCoupon()).isEqualTo("LOYAL");
    InvalidRequestException none = catchThrowableOfType(InvalidRequestException.class,
        () -> stripe.customers().deleteDiscount(customer.getId()));
    assertThat(none.getStatusCode()).isEqualTo(404);
  }

  /**
   * This API's per-customer limit rides as an extra parameter, and a coupon's statistics (counted from
   * the stream a moment later) come back through rawRequest, the query in the path (docs/api.md §2.8, §2.9).
   */
  @Test
  void theExtensions_aLimitPerCustomer_andACouponsStatistics_throughExtraParamsAndRawRequest() throws Exception {
    Coupon coupon = stripe.coupons().create(CouponCreateParams.builder().setId("ONCEEACH")
        .setPercentOff(new BigDecimal("10")).setDuration(CouponCreateParams.Duration.FOREVER)
        .putExtraParam("max_redemptions_per_customer", 1).build());
    assertThat(coupon.getRawJsonObject().get("max_redemptions_per_customer").getAsLong()).isEqualTo(1);
    Customer customer = stripe.customers().create(CustomerCreateParams.builder().putExtraParam("coupon", "ONCEEACH")
        .build());
    InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, () ->
        stripe.subscriptions().create(monthly(customer, "ONCEEACH").build()));
    assertThat(refused.getCode()).isEqualTo("coupon_customer_limit_reached");
    com.google.gson.JsonObject stats = null;
    for (int tries = 0; tries < 100; tries++) {
      stats = com.google.gson.JsonParser.parseString(stripe.rawRequest(com.stripe.net.ApiResource.RequestMethod.GET,
          "/v1/coupons/ONCEEACH/stats?days=7", null).body()).getAsJsonObject();
      if (stats.get("redemptions").getAsLong() == 1) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(stats.get("object").getAsString()).isEqualTo("coupon_stats");
    assertThat(stats.get("redemptions").getAsLong()).isEqualTo(1);
    assertThat(stats.getAsJsonArray("redemptions_by_day")).hasSize(7);
  }

  @Test
  void invoicePreview_pricesTheDiscounts_inThePricingShape() throws Exception {
    stripe.coupons().create(CouponCreateParams.builder().setId("TENOFF").setPercentOff(new BigDecimal("10"))
        .setDuration(CouponCreateParams.Duration.ONCE).build());
    Customer customer = stripe.customers().create(CustomerCreateParams.builder().setName("Preview").build());
    Invoice preview = stripe.invoices().createPreview(InvoiceCreatePreviewParams.builder()
        .setCustomer(customer.getId())
        .addInvoiceItem(InvoiceCreatePreviewParams.InvoiceItem.builder().setAmount(1999L).setCurrency("usd").build())
        .addDiscount(InvoiceCreatePreviewParams.Discount.builder().setCoupon("TENOFF").build())
        .build());
    assertThat(preview.getSubtotal()).isEqualTo(1999L);
    assertThat(preview.getTotal()).isEqualTo(1799L);
    assertThat(preview.getTotalDiscountAmounts()).extracting(Invoice.TotalDiscountAmount::getAmount)
        .containsExactly(200L);
    InvoiceLineItem line = preview.getLines().getData().get(0);
    assertThat(line.getSubtotal()).isEqualTo(1999L);
    assertThat(line.getDiscountAmounts()).extracting(InvoiceLineItem.DiscountAmount::getAmount).containsExactly(200L);
    assertThat(line.getPricing().getType()).isEqualTo("price_details");
    assertThat(stripe.coupons().retrieve("TENOFF").getTimesRedeemed()).isZero();
  }
}

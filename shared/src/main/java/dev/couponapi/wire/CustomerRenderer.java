package dev.couponapi.wire;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Customer;
import dev.couponapi.domain.Discount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Renders a customer (docs/api.md §5.1): the fields discounts need, the rest at Stripe's defaults. */
public final class CustomerRenderer {

  private static final String DISCOUNT = "discount.";

  private CustomerRenderer() {}

  /** What a customer can expand: what its discount can. */
  public static Set<String> expandable(ApiVersion version) {
    return Expansions.under(DISCOUNT, DiscountRenderer.expandable(version));
  }

  public static Map<String, Object> render(Customer customer, ApiVersion version, Instant now,
      Function<Discount, Coupon> coupons, Set<String> expand) {
    Discount discount = customer.discountAt(now);
    Map<String, Object> invoiceSettings = StripeObject.hash();
    invoiceSettings.put("custom_fields", null);
    invoiceSettings.put("default_payment_method", null);
    invoiceSettings.put("footer", null);
    invoiceSettings.put("rendering_options", null);
    return StripeObject.of(customer.id(), "customer")
        .put("address", null)
        .put("balance", 0L)
        .put("created", customer.created())
        .put("currency", customer.currency())
        .put("customer_account", null)
        .put("default_source", null)
        .put("delinquent", false)
        .put("description", customer.description())
        .put("discount", discount == null ? null
            : DiscountRenderer.render(discount, version, now, coupons, Expansions.below(DISCOUNT, expand)))
        .put("email", customer.email())
        .put("invoice_prefix", customer.invoicePrefix())
        .put("invoice_settings", invoiceSettings)
        .put("livemode", customer.livemode())
        .put("metadata", StripeObject.sorted(customer.metadata()))
        .put("name", customer.name())
        .put("next_invoice_sequence", customer.nextInvoiceSequence())
        .put("phone", null)
        .put("preferred_locales", List.of())
        .put("shipping", null)
        .put("tax_exempt", "none")
        .put("test_clock", customer.testClock())
        .toMap();
  }

  public static Map<String, Object> renderDeleted(String id) {
    return StripeObject.of(id, "customer").put("deleted", true).toMap();
  }

}

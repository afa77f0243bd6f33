package dev.couponapi.wire;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.Discount;
import dev.couponapi.domain.Subscription;
import dev.couponapi.domain.SubscriptionItem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders a subscription (docs/api.md §5.2): {@code discounts} as ids (objects when expanded), and before
 * basil the legacy single {@code discount} (the first subscription-level one).
 */
public final class SubscriptionRenderer {

  public static final String DISCOUNTS = "discounts";

  private SubscriptionRenderer() {}

  /** What a subscription can expand: its discounts, and what each of them can. */
  public static Set<String> expandable(ApiVersion version) {
    return DiscountRenderer.expandableAt(DISCOUNTS, version);
  }

  public static Map<String, Object> render(Subscription subscription, ApiVersion version, Instant now,
      Function<Discount, Coupon> coupons, Set<String> expand) {
    List<Discount> discounts = subscription.discountsAt(now);
    StripeObject object = StripeObject.of(subscription.id(), "subscription")
        .put("billing_cycle_anchor", subscription.billingCycleAnchor())
        .put("billing_schedules", List.of())
        .put("cancel_at_period_end", false)
        .put("canceled_at", subscription.canceledAt())
        .put("cancellation_details", cancellationDetails(subscription))
        .put("created", subscription.created())
        .put("currency", subscription.currency())
        .put("customer", subscription.customer())
        .put("customer_account", null)
        .put("discounts", DiscountRenderer.renderAt(DISCOUNTS, discounts, version, now, coupons, expand))
        .put("ended_at", subscription.canceledAt())
        .put("invoice_settings", invoiceSettings())
        .put("items", items(subscription, now, version))
        .put("latest_invoice", subscription.latestInvoice())
        .put("livemode", subscription.livemode())
        .put("managed_payments", null)
        .put("metadata", StripeObject.sorted(subscription.metadata()))
        .put("pending_update", null)
        .put("start_date", subscription.created())
        .put("status", subscription.status());
    if (!version.periodOnItems()) {
      object.put("current_period_end", subscription.period().end());
      object.put("current_period_start", subscription.period().start());
    }
    if (version.subscriptionHasSingularDiscount()) {
      object.put("discount", discounts.isEmpty() ? null
          : DiscountRenderer.render(discounts.get(0), version, now, coupons, Set.of()));
    }
    return object.toMap();
  }

  /** Additive fields of 2025-12 … 2026-08 (dahlia): present, empty, in every version (docs/versions.md). */
  private static Map<String, Object> cancellationDetails(Subscription subscription) {
    Map<String, Object> details = StripeObject.hash();
    details.put("comment", null);
    details.put("feedback", null);
    details.put("feedback_option", null);
    details.put("reason", subscription.canceledAt() == null ? null : "cancellation_requested");
    return details;
  }

  private static Map<String, Object> invoiceSettings() {
    Map<String, Object> issuer = StripeObject.hash();
    issuer.put("type", "self");
    Map<String, Object> settings = StripeObject.hash();
    settings.put("account_tax_ids", null);
    settings.put("custom_fields", null);
    settings.put("description", null);
    settings.put("footer", null);
    settings.put("issuer", issuer);
    return settings;
  }

  private static Map<String, Object> items(Subscription subscription, Instant now, ApiVersion version) {
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("object", "list");
    list.put("data", subscription.items().stream().map(item -> item(subscription, item, now, version)).toList());
    list.put("has_more", false);
    list.put("url", "/v1/subscription_items?subscription=" + subscription.id());
    return list;
  }

  /** One item as {@code /v1/subscription_items} renders it (and a subscription's {@code items} list). */
  public static Map<String, Object> item(Subscription subscription, SubscriptionItem item, Instant now,
      ApiVersion version) {
    Map<String, Object> recurring = StripeObject.hash();
    recurring.put("interval", item.interval());
    recurring.put("interval_count", item.intervalCount());
    Map<String, Object> price = StripeObject.of("price_inline_" + item.id().substring("si_".length()), "price")
        .put("currency", item.currency())
        .put("product", item.product())
        .put("recurring", recurring)
        .put("unit_amount", item.unitAmount())
        .toMap();
    StripeObject object = StripeObject.of(item.id(), "subscription_item")
        .put("created", item.created())
        .put("current_trial", null)
        .put("discounts", item.discounts().stream().filter(discount -> discount.inEffect(now)).map(Discount::id)
            .toList())
        .put("metadata", StripeObject.sorted(item.metadata()))
        .put("price", price)
        .put("quantity", item.quantity())
        .put("subscription", subscription.id());
    if (version.periodOnItems()) {
      object.put("current_period_end", subscription.period().end());
      object.put("current_period_start", subscription.period().start());
    }
    return object.toMap();
  }
}

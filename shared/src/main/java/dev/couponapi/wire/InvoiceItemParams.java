package dev.couponapi.wire;

import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.DiscountRequest;
import dev.couponapi.domain.InvoiceItemDraft;
import dev.couponapi.domain.MetadataChange;
import java.util.List;
import java.util.Map;

/**
 * The invoice item endpoints' parameters (docs/api.md §7.3). An amount is {@code amount} with
 * {@code currency}, or {@code price_data} times {@code quantity}; both at once is a 400, as in Stripe.
 */
public final class InvoiceItemParams {

  public static final Map<String, ParamType> CREATE = ParamType.declare(
      "customer", ParamType.text(Ids.MAX_ID_LENGTH),
      "amount", ParamType.integer(0, CouponParams.MAX_AMOUNT),
      "currency", new ParamType.Currency(),
      "price_data", ParamType.fields(
          "currency", new ParamType.Currency(),
          "product", ParamType.text(Ids.MAX_ID_LENGTH),
          "unit_amount", ParamType.integer(0, CouponParams.MAX_AMOUNT)),
      "quantity", ParamType.integer(1, 1_000_000),
      "description", new ParamType.Text(500, true),
      "discountable", new ParamType.Bool(),
      "discounts", DiscountParams.LIST,
      "metadata", new ParamType.Metadata(),
      "subscription", ParamType.text(Ids.MAX_ID_LENGTH));

  public static final Map<String, ParamType> UPDATE = ParamType.declare(
      "amount", ParamType.integer(0, CouponParams.MAX_AMOUNT),
      "quantity", ParamType.integer(1, 1_000_000),
      "description", new ParamType.Text(500, true),
      "discountable", new ParamType.Bool(),
      "metadata", new ParamType.Metadata());

  public static final Map<String, ParamType> LIST = ListParams.with(ParamType.declare(
      "customer", ParamType.text(Ids.MAX_ID_LENGTH),
      "pending", new ParamType.Bool()));

  private InvoiceItemParams() {}

  public static InvoiceItemDraft draft(Params params) {
    String customer = params.text("customer");
    if (customer == null) {
      throw Errors.missing("customer");
    }
    Long amount = params.integer("amount");
    Long quantity = params.integer("quantity");
    String currency;
    String product = null;
    long unitAmount;
    long count;
    if (params.has("price_data")) {
      if (amount != null) {
        throw Errors.exclusive("amount", "price_data");
      }
      Params price = params.object("price_data");
      for (String required : List.of("currency", "product", "unit_amount")) {
        if (!price.has(required)) {
          throw Errors.missing("price_data[" + required + "]");
        }
      }
      currency = price.text("currency");
      if (params.text("currency") != null && !params.text("currency").equals(currency)) {
        throw Errors.invalid("currency", "The currency must be the same as `price_data[currency]`.");
      }
      product = price.text("product");
      unitAmount = price.integer("unit_amount");
      count = quantity == null ? 1 : quantity;
    } else {
      if (amount == null) {
        throw Errors.missing("amount");
      }
      currency = params.text("currency");
      if (currency == null) {
        throw Errors.missing("currency");
      }
      unitAmount = amount;
      count = 1;
      if (quantity != null && quantity != 1) {
        throw Errors.invalid("quantity", "A `quantity` other than 1 needs `price_data` (an `amount` is the total).");
      }
    }
    List<DiscountRequest> discounts = DiscountParams.list(params, "discounts");
    Boolean discountable = params.bool("discountable");
    MetadataChange metadata = params.metadata("metadata");
    return new InvoiceItemDraft(customer, currency, unitAmount, count, params.text("description"), product,
        discountable == null || discountable, discounts == null ? List.of() : discounts,
        metadata == null ? Map.of() : metadata.applyTo(Map.of()), params.text("subscription"));
  }

  public static InvoiceItemDraft.Changes changes(Params params) {
    if (params.integer("amount") != null && params.integer("quantity") != null) {
      throw Errors.exclusive("amount", "quantity");
    }
    MetadataChange metadata = params.metadata("metadata");
    return new InvoiceItemDraft.Changes(params.integer("amount"), params.integer("quantity"),
        params.text("description"), params.isUnset("description"), params.bool("discountable"),
        metadata == null ? MetadataChange.NONE : metadata);
  }
}

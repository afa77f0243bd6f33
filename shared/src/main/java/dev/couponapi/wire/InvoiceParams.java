package dev.couponapi.wire;

import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.domain.Invoice;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.service.InvoiceService;
import java.util.Map;
import java.util.Set;

/** The invoice endpoints' parameters (docs/api.md §7.2); the previews' are {@link PreviewParams}. */
public final class InvoiceParams {

  public static final Map<String, ParamType> CREATE = ParamType.declare(
      "customer", ParamType.text(Ids.MAX_ID_LENGTH),
      "currency", new ParamType.Currency(),
      "discounts", DiscountParams.LIST,
      "description", new ParamType.Text(1500, true),
      "metadata", new ParamType.Metadata(),
      "pending_invoice_items_behavior", new ParamType.Choice(Set.of("include", "exclude")),
      "collection_method", new ParamType.Choice(Set.of("charge_automatically", "send_invoice")),
      "auto_advance", new ParamType.Bool());
  public static final Map<String, ParamType> UPDATE = ParamType.declare(
      "description", new ParamType.Text(1500, true),
      "metadata", new ParamType.Metadata());
  public static final Map<String, ParamType> PAY = ParamType.declare("paid_out_of_band", new ParamType.Bool());
  public static final Map<String, ParamType> FINALIZE = ParamType.declare("auto_advance", new ParamType.Bool());
  public static final Map<String, ParamType> LIST = ListParams.with(ParamType.declare(
      "customer", ParamType.text(Ids.MAX_ID_LENGTH),
      "subscription", ParamType.text(Ids.MAX_ID_LENGTH),
      "status", new ParamType.Choice(Set.of("draft", "open", "paid", "uncollectible", "void"))));

  private InvoiceParams() {}

  public static InvoiceService.OneOff oneOff(Params params) {
    if (params.text("customer") == null) {
      throw Errors.missing("customer");
    }
    MetadataChange metadata = params.metadata("metadata");
    String collection = params.text("collection_method");
    return new InvoiceService.OneOff(params.text("customer"), params.text("currency"),
        DiscountParams.list(params, "discounts"), "include".equals(params.text("pending_invoice_items_behavior")),
        new Invoice.Details(params.text("description"), metadata == null ? Map.of() : metadata.applyTo(Map.of()),
            collection == null ? "charge_automatically" : collection, null, null));
  }

}

package dev.couponapi.functions;

import dev.couponapi.app.App;

/**
 * The invoice preview routes (docs/api.md §6): one handler per operation, each named after its function in template.yaml
 * ({@code CreateCouponFunction} → {@code CouponFunctions$CreateCoupon}), with Lambda's constructor and
 * one taking an {@link App} for tests.
 */
public final class InvoiceFunctions {

  private InvoiceFunctions() {}

  /** Previews an invoice with its discounts: `POST /v1/invoices/create_preview` (docs/api.md §6). */
  public static final class CreateInvoicePreview extends ApiFunction {
    public CreateInvoicePreview() { super(App.fromEnvironment()); }
    public CreateInvoicePreview(App app) { super(app); }
  }

  /** Previews the upcoming invoice: `GET /v1/invoices/upcoming`, before basil only (docs/api.md §6). */
  public static final class RetrieveUpcomingInvoice extends ApiFunction {
    public RetrieveUpcomingInvoice() { super(App.fromEnvironment()); }
    public RetrieveUpcomingInvoice(App app) { super(app); }
  }
}

package dev.couponapi.functions;

import dev.couponapi.app.App;

/**
 * The invoice routes (docs/api.md §6, §7.2): one handler per operation, each named after its function in template.yaml
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

  /** An invoice: `GET /v1/invoices/{invoice}` (docs/api.md §7.2). */
  public static final class RetrieveInvoice extends ApiFunction {
    public RetrieveInvoice() { super(App.fromEnvironment()); }
    public RetrieveInvoice(App app) { super(app); }
  }

  /** Invoices, newest first: `GET /v1/invoices` (docs/api.md §7.2). */
  public static final class ListInvoices extends ApiFunction {
    public ListInvoices() { super(App.fromEnvironment()); }
    public ListInvoices(App app) { super(app); }
  }

  /** Makes a one-off invoice, a draft: `POST /v1/invoices`. */
  public static final class CreateInvoice extends ApiFunction {
    public CreateInvoice() { super(App.fromEnvironment()); }
    public CreateInvoice(App app) { super(app); }
  }

  /** Changes a draft: `POST /v1/invoices/{invoice}`. */
  public static final class UpdateInvoice extends ApiFunction {
    public UpdateInvoice() { super(App.fromEnvironment()); }
    public UpdateInvoice(App app) { super(app); }
  }

  /** Deletes a draft: `DELETE /v1/invoices/{invoice}`. */
  public static final class DeleteInvoice extends ApiFunction {
    public DeleteInvoice() { super(App.fromEnvironment()); }
    public DeleteInvoice(App app) { super(app); }
  }

  /** Finalizes a draft: `POST /v1/invoices/{invoice}/finalize`. */
  public static final class FinalizeInvoice extends ApiFunction {
    public FinalizeInvoice() { super(App.fromEnvironment()); }
    public FinalizeInvoice(App app) { super(app); }
  }

  /** Marks an open invoice paid out of band: `POST /v1/invoices/{invoice}/pay`. */
  public static final class PayInvoice extends ApiFunction {
    public PayInvoice() { super(App.fromEnvironment()); }
    public PayInvoice(App app) { super(app); }
  }

  /** Voids an open invoice: `POST /v1/invoices/{invoice}/void`. */
  public static final class VoidInvoice extends ApiFunction {
    public VoidInvoice() { super(App.fromEnvironment()); }
    public VoidInvoice(App app) { super(app); }
  }

  /** Marks an open invoice uncollectible: `POST /v1/invoices/{invoice}/mark_uncollectible`. */
  public static final class MarkInvoiceUncollectible extends ApiFunction {
    public MarkInvoiceUncollectible() { super(App.fromEnvironment()); }
    public MarkInvoiceUncollectible(App app) { super(app); }
  }
}

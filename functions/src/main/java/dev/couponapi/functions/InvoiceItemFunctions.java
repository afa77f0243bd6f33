package dev.couponapi.functions;

import dev.couponapi.app.App;

/**
 * The invoice item routes (docs/api.md §7.3): one handler per operation, each named after its
 * function in template.yaml, with Lambda's constructor and one taking an {@link App} for tests.
 */
public final class InvoiceItemFunctions {

  private InvoiceItemFunctions() {}

  /** Makes a pending invoice item: `POST /v1/invoiceitems`. */
  public static final class CreateInvoiceItem extends ApiFunction {
    public CreateInvoiceItem() { super(App.fromEnvironment()); }
    public CreateInvoiceItem(App app) { super(app); }
  }

  /** An invoice item: `GET /v1/invoiceitems/{invoiceitem}`. */
  public static final class RetrieveInvoiceItem extends ApiFunction {
    public RetrieveInvoiceItem() { super(App.fromEnvironment()); }
    public RetrieveInvoiceItem(App app) { super(app); }
  }

  /** Changes a pending invoice item: `POST /v1/invoiceitems/{invoiceitem}`. */
  public static final class UpdateInvoiceItem extends ApiFunction {
    public UpdateInvoiceItem() { super(App.fromEnvironment()); }
    public UpdateInvoiceItem(App app) { super(app); }
  }

  /** Deletes a pending invoice item: `DELETE /v1/invoiceitems/{invoiceitem}`. */
  public static final class DeleteInvoiceItem extends ApiFunction {
    public DeleteInvoiceItem() { super(App.fromEnvironment()); }
    public DeleteInvoiceItem(App app) { super(app); }
  }

  /** Invoice items, newest first: `GET /v1/invoiceitems`. */
  public static final class ListInvoiceItems extends ApiFunction {
    public ListInvoiceItems() { super(App.fromEnvironment()); }
    public ListInvoiceItems(App app) { super(app); }
  }
}

package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Previews an invoice with its discounts: `POST /v1/invoices/create_preview` (docs/api.md §6). */
public final class CreateInvoicePreview extends ApiFunction {

  public CreateInvoicePreview() {
    this(App.fromEnvironment());
  }

  public CreateInvoicePreview(App app) {
    super(app);
  }
}

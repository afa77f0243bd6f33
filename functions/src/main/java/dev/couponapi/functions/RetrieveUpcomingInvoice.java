package dev.couponapi.functions;

import dev.couponapi.app.App;

/** Previews the upcoming invoice: `GET /v1/invoices/upcoming`, before basil only (docs/api.md §6). */
public final class RetrieveUpcomingInvoice extends ApiFunction {

  public RetrieveUpcomingInvoice() {
    this(App.fromEnvironment());
  }

  public RetrieveUpcomingInvoice(App app) {
    super(app);
  }
}

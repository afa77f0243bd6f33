package dev.couponapi.http;

import dev.couponapi.domain.Permissions;
import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.service.PreviewService;
import dev.couponapi.wire.InvoiceRenderer;
import dev.couponapi.wire.PreviewParams;
import java.util.List;

/**
 * Invoice previews (docs/api.md §6): {@code POST /v1/invoices/create_preview} in every version and
 * {@code GET /v1/invoices/upcoming} before basil, which removed it.
 */
public final class InvoiceResource implements Resource {

  private static final String UPCOMING = "/v1/invoices/upcoming";

  private final PreviewService previews;

  public InvoiceResource(PreviewService previews) {
    this.previews = previews;
  }

  @Override
  public Permissions.Group group() {
    return Permissions.Group.INVOICES;
  }

  @Override
  public List<Operation> operations() {
    return List.of(createPreview(), upcoming());
  }

  public Operation createPreview() {
    // a POST that writes nothing: a key that may read invoices may preview one
    return Operation.post("CreateInvoicePreviewFunction", "/v1/invoices/create_preview", "invoices.create_preview")
        .needs(Permissions.Level.READ).params(PreviewParams::declared).run(this::preview);
  }

  public Operation upcoming() {
    return Operation.get("RetrieveUpcomingInvoiceFunction", UPCOMING, "invoices.upcoming")
        .params(PreviewParams::declared).run(call -> {
          if (!call.version().hasUpcomingInvoice()) {
            // the route answers as if it did not exist
            throw Errors.unrecognizedUrl("GET", UPCOMING);
          }
          return preview(call);
        });
  }

  private Object preview(Call call) {
    return InvoiceRenderer.render(previews.preview(call.tenant(), call.version(), call.now(),
        PreviewParams.request(call.params())), call.version(), "upcoming_in_" + Ids.random(24));
  }
}

package dev.couponapi.http;

import dev.couponapi.domain.Invoice;
import dev.couponapi.domain.Permissions;
import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.service.PreviewService;
import dev.couponapi.wire.InvoiceRenderer;
import dev.couponapi.wire.PreviewParams;
import dev.couponapi.service.InvoiceService;
import dev.couponapi.store.InvoiceStore;
import dev.couponapi.domain.MetadataChange;
import dev.couponapi.wire.InvoiceParams;
import dev.couponapi.wire.ListParams;
import dev.couponapi.wire.StripeObject;
import java.util.List;

/**
 * Invoices (docs/api.md §7.2): retrieve and list; and previews (§6): {@code POST
 * /v1/invoices/create_preview} in every version and {@code GET /v1/invoices/upcoming} before basil,
 * which removed it. Its events carry the invoice as it was priced.
 */
public final class InvoiceResource implements Resource {

  private static final String URL = "/v1/invoices";
  private static final String UPCOMING = URL + "/upcoming";
  private static final String ONE = URL + "/{invoice}";
  private final PreviewService previews;
  private final InvoiceService invoices;

  public InvoiceResource(PreviewService previews, InvoiceService invoices) {
    this.previews = previews;
    this.invoices = invoices;
  }

  @Override
  public List<EventKind<?>> events() {
    return List.of(EventKind.of(InvoiceStore.SNAPSHOT, (of, version, at) -> InvoiceRenderer.render(of.invoice(),
        version), Invoice.CREATED, Invoice.UPDATED, Invoice.DELETED, Invoice.FINALIZED, Invoice.PAID, Invoice.VOIDED,
        Invoice.MARKED_UNCOLLECTIBLE));
  }

  @Override
  public Permissions.Group group() {
    return Permissions.Group.INVOICES;
  }

  @Override
  public List<Operation> operations() {
    return List.of(createPreview(), upcoming(), create(), retrieve(), update(), delete(), list(), finalizeInvoice(),
        pay(), voidInvoice(), markUncollectible());
  }

  /** A one-off invoice, a draft (docs/api.md §7.2). */
  public Operation create() {
    return Operation.post("CreateInvoiceFunction", URL, "invoices.create").params(InvoiceParams.CREATE)
        .expand(InvoiceRenderer::expandable)
        .run(call -> invoices.create(call.change(), InvoiceParams.oneOff(call.params())), this::render);
  }

  public Operation update() {
    return Operation.post("UpdateInvoiceFunction", ONE, "invoices.update").params(InvoiceParams.UPDATE)
        .run(call -> {
          MetadataChange metadata = call.params().metadata("metadata");
          return InvoiceRenderer.render(invoices.update(call.change(), call.id(), call.params().text("description"),
              call.params().isUnset("description"), metadata == null ? MetadataChange.NONE : metadata),
              call.version());
        });
  }

  /** Deletes a draft: {@code {id, object: "invoice", deleted: true}}. */
  public Operation delete() {
    return Operation.delete("DeleteInvoiceFunction", ONE, "invoices.delete").run(call -> {
      invoices.delete(call.change(), call.id());
      return StripeObject.of(call.id(), "invoice").put("deleted", true).toMap();
    });
  }

  public Operation finalizeInvoice() {
    return Operation.post("FinalizeInvoiceFunction", ONE + "/finalize", "invoices.finalize").params(InvoiceParams.FINALIZE)
        .run(call -> render(call, invoices.finalizeInvoice(call.change(), call.id())));
  }

  /** Marks an open invoice paid; only {@code paid_out_of_band=true} (docs/api.md §7.2, DECISION). */
  public Operation pay() {
    return Operation.post("PayInvoiceFunction", ONE + "/pay", "invoices.pay").params(InvoiceParams.PAY)
        .run(call -> render(call, invoices.pay(call.change(), call.id(),
            Boolean.TRUE.equals(call.params().bool("paid_out_of_band")))));
  }

  public Operation voidInvoice() {
    return Operation.post("VoidInvoiceFunction", ONE + "/void", "invoices.void")
        .run(call -> render(call, invoices.voidInvoice(call.change(), call.id())));
  }

  public Operation markUncollectible() {
    return Operation.post("MarkInvoiceUncollectibleFunction", ONE + "/mark_uncollectible",
        "invoices.mark_uncollectible")
        .run(call -> render(call, invoices.markUncollectible(call.change(), call.id())));
  }

  public Operation retrieve() {
    return Operation.get("RetrieveInvoiceFunction", ONE, "invoices.retrieve")
        .expand(InvoiceRenderer::expandable).run(call -> render(call, invoices.retrieve(call.tenant(), call.id())));
  }

  /** Newest first; by {@code customer}, {@code subscription}, {@code status} and {@code created}. */
  public Operation list() {
    return Operation.get("ListInvoicesFunction", URL, "invoices.list").params(InvoiceParams.LIST)
        .expandEach(InvoiceRenderer::expandable)
        .run(call -> ListParams.envelope(invoices.list(call.tenant(), call.params().text("customer"),
            call.params().text("subscription"), call.params().text("status"), ListParams.request(call.params())),
            URL, invoice -> render(call, invoice)));
  }

  private Object render(Call call, Invoice invoice) {
    return InvoiceRenderer.render(invoice, call.version(), call.now(), invoices.coupons(call.tenant()), call.expand());
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
    return InvoiceRenderer.render(Invoice.preview(previews.preview(call.tenant(), call.version(), call.now(),
        PreviewParams.request(call.params())), "upcoming_in_" + Ids.random(24)), call.version());
  }
}

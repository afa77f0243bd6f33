package dev.couponapi.http;

import dev.couponapi.domain.InvoiceItem;
import dev.couponapi.domain.Permissions;
import dev.couponapi.service.InvoiceItemService;
import dev.couponapi.store.InvoiceItemStore;
import dev.couponapi.wire.InvoiceItemParams;
import dev.couponapi.wire.InvoiceItemRenderer;
import dev.couponapi.wire.ListParams;
import java.util.List;

/** The invoice item routes (docs/api.md §7.3); its events carry the item. */
public final class InvoiceItemResource implements Resource {

  static final String URL = "/v1/invoiceitems";
  private static final String ONE = URL + "/{invoiceitem}";

  private final InvoiceItemService items;

  public InvoiceItemResource(InvoiceItemService items) {
    this.items = items;
  }

  @Override
  public Permissions.Group group() {
    return Permissions.Group.INVOICES;
  }

  @Override
  public List<Operation> operations() {
    return List.of(create(), retrieve(), update(), delete(), list());
  }

  @Override
  public List<EventKind<?>> events() {
    return List.of(EventKind.of(InvoiceItemStore.SNAPSHOT, (of, version, at) -> InvoiceItemRenderer.render(of.item(),
        version), InvoiceItem.CREATED, InvoiceItem.DELETED));
  }

  public Operation create() {
    return Operation.post("CreateInvoiceItemFunction", URL, "invoiceitems.create").params(InvoiceItemParams.CREATE)
        .expand(InvoiceItemRenderer::expandable)
        .run(call -> items.create(call.change(), InvoiceItemParams.draft(call.params())), this::render);
  }

  public Operation retrieve() {
    return Operation.get("RetrieveInvoiceItemFunction", ONE, "invoiceitems.retrieve")
        .expand(InvoiceItemRenderer::expandable).run(call -> render(call, items.retrieve(call.tenant(), call.id())));
  }

  public Operation update() {
    return Operation.post("UpdateInvoiceItemFunction", ONE, "invoiceitems.update").params(InvoiceItemParams.UPDATE)
        .expand(InvoiceItemRenderer::expandable).run(call -> render(call, items.update(call.change(), call.id(),
            InvoiceItemParams.changes(call.params()))));
  }

  public Operation delete() {
    return Operation.delete("DeleteInvoiceItemFunction", ONE, "invoiceitems.delete").run(call -> {
      items.delete(call.change(), call.id());
      return InvoiceItemRenderer.renderDeleted(call.id());
    });
  }

  /** Newest first; by {@code customer} and {@code pending}. */
  public Operation list() {
    return Operation.get("ListInvoiceItemsFunction", URL, "invoiceitems.list").params(InvoiceItemParams.LIST)
        .expandEach(InvoiceItemRenderer::expandable)
        .run(call -> ListParams.envelope(items.list(call.tenant(), call.params().text("customer"),
            call.params().bool("pending"), ListParams.request(call.params())), URL, item -> render(call, item)));
  }

  private Object render(Call call, InvoiceItem item) {
    return InvoiceItemRenderer.render(item, call.version(), call.now(), items.coupons(call.tenant()), call.expand());
  }
}

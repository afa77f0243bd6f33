package dev.couponapi.http;

import dev.couponapi.api.SafeText;
import dev.couponapi.service.PreviewService;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import dev.couponapi.wire.InvoiceRenderer;
import dev.couponapi.wire.PreviewParams;
import java.util.Set;

/**
 * Invoice previews (spec §6): {@code POST /v1/invoices/create_preview} in every version and
 * {@code GET /v1/invoices/upcoming} before basil, which removed it.
 */
public final class InvoiceOperations {

  private final PreviewService previews;

  public InvoiceOperations(PreviewService previews) {
    this.previews = previews;
  }

  public Operation createPreview() {
    return Operations.of("invoices.create_preview", "POST", PreviewParams::declared, version -> Set.of(),
        InvoiceOperations.this::preview);
  }

  public Operation upcoming() {
    return Operations.of("invoices.upcoming", "GET", PreviewParams::declared, version -> Set.of(), call -> {
      if (call.version().atLeast(ApiVersion.BASIL)) {
        // removed in 2025-03-31.basil: the route answers as if it did not exist
        throw Errors.unrecognizedUrl("GET", SafeText.clip("/v1/invoices/upcoming"));
      }
      return preview(call);
    });
  }

  private Object preview(Call call) {
    return InvoiceRenderer.render(previews.preview(call.tenant(), call.version(), PreviewParams.request(call.params())),
        call.version(), "upcoming_in_" + Ids.random(24));
  }
}

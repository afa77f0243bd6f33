package dev.couponapi.http;

import dev.couponapi.domain.Permissions;
import dev.couponapi.domain.Page;
import dev.couponapi.service.PromotionCodeBatchService;
import dev.couponapi.service.PromotionCodeView;
import dev.couponapi.wire.CodesCsv;
import dev.couponapi.wire.ListParams;
import dev.couponapi.wire.PromotionCodeBatchParams;
import dev.couponapi.wire.PromotionCodeBatchRenderer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The promotion-code batch routes (docs/api.md §3.7), an extension: the same in every version. */
public final class PromotionCodeBatchResource implements Resource {

  static final String URL = "/v1/promotion_code_batches";
  private static final String ONE = URL + "/{batch}";
  private static final String CODES = ONE + "/codes.csv";

  private final PromotionCodeBatchService batches;

  public PromotionCodeBatchResource(PromotionCodeBatchService batches) {
    this.batches = batches;
  }

  @Override
  public Permissions.Group group() {
    return Permissions.Group.PROMOTION_CODES;
  }

  @Override
  public List<Operation> operations() {
    return List.of(create(), retrieve(), list(), exportCodes());
  }

  public Operation create() {
    return Operation.post("CreatePromotionCodeBatchFunction", URL, "promotion_code_batches.create")
        .params(PromotionCodeBatchParams::create)
        .run(call -> batches.create(call.change(), PromotionCodeBatchParams.draft(call.params(), call.version())),
            (call, batch) -> PromotionCodeBatchRenderer.render(batch));
  }

  public Operation retrieve() {
    return Operation.get("RetrievePromotionCodeBatchFunction", ONE, "promotion_code_batches.retrieve")
        .run(call -> PromotionCodeBatchRenderer.render(batches.retrieve(call.tenant(), call.id())));
  }

  public Operation list() {
    return Operation.get("ListPromotionCodeBatchesFunction", URL, "promotion_code_batches.list")
        .params(PromotionCodeBatchParams.LIST)
        .run(call -> ListParams.envelope(batches.list(call.tenant(), ListParams.request(call.params())), URL,
            PromotionCodeBatchRenderer::render));
  }

  /**
   * The batch's codes as CSV, newest first, up to {@code limit} rows (at most 10,000) a response; a
   * {@code Link: <…?starting_after=…>; rel="next"} header names the next page while there is one.
   */
  public Operation exportCodes() {
    return Operation.get("ExportPromotionCodeBatchFunction", CODES, "promotion_code_batches.codes")
        .params(PromotionCodeBatchParams.CODES).run(call -> {
          String after = call.params().text("starting_after");
          Page<PromotionCodeView> page = batches.codes(call.tenant(), call.id(), after,
              PromotionCodeBatchParams.csvRows(call.params()), call.now());
          List<CodesCsv.Row> rows = page.items().stream()
              .map(view -> new CodesCsv.Row(view.code(), view.code().active(view.coupon(), call.now()))).toList();
          Map<String, String> headers = new java.util.LinkedHashMap<>();
          headers.put("Content-Disposition", "attachment; filename=\"" + call.id() + "-codes.csv\"");
          if (page.hasMore() && !rows.isEmpty()) {
            headers.put("Link", "<" + URL + "/" + encode(call.id()) + "/codes.csv?starting_after="
                + rows.get(rows.size() - 1).code().id() + ">; rel=\"next\"");
          }
          return new TextBody("text/csv; charset=utf-8", CodesCsv.render(rows, after == null), headers);
        });
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}

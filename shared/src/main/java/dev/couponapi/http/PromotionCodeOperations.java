package dev.couponapi.http;

import dev.couponapi.service.PromotionCodeService;
import dev.couponapi.service.PromotionCodeView;
import dev.couponapi.wire.ListParams;
import dev.couponapi.wire.PromotionCodeParams;
import dev.couponapi.wire.PromotionCodeRenderer;
import java.util.List;
import java.util.Set;

/** The promotion-code routes (docs/api.md §3), rendered in the request's version. */
public final class PromotionCodeOperations {

  static final String URL = "/v1/promotion_codes";
  private static final String ONE = URL + "/{promotion_code}";

  private final PromotionCodeService codes;

  public PromotionCodeOperations(PromotionCodeService codes) {
    this.codes = codes;
  }

  public List<Operation> all() {
    return List.of(create(), retrieve(), update(), list());
  }

  public Operation create() {
    return Operation.post("CreatePromotionCodeFunction", URL, "promotion_codes.create")
        .params(PromotionCodeParams::create).expand(PromotionCodeRenderer::expandable).run(call -> {
          PromotionCodeView view = codes.create(call.tenant(), PromotionCodeParams.draft(call.params(), call.version()),
              call.now(), call.origin(), created -> call.idempotency().rideAlongFor(render(call, created, call.expand())));
          return render(call, view, call.expand());
        });
  }

  public Operation retrieve() {
    return Operation.get("RetrievePromotionCodeFunction", ONE, "promotion_codes.retrieve")
        .expand(PromotionCodeRenderer::expandable)
        .run(call -> render(call, codes.retrieve(call.tenant(), call.id()), call.expand()));
  }

  public Operation update() {
    return Operation.post("UpdatePromotionCodeFunction", ONE, "promotion_codes.update")
        .params(PromotionCodeParams.UPDATE).expand(PromotionCodeRenderer::expandable)
        .run(call -> render(call, codes.update(call.tenant(), call.id(), PromotionCodeParams.changes(call.params()),
            call.now(), call.origin()), call.expand()));
  }

  public Operation list() {
    return Operation.get("ListPromotionCodesFunction", URL, "promotion_codes.list").params(PromotionCodeParams.LIST)
        .expandEach(PromotionCodeRenderer::expandable)
        .run(call -> ListParams.envelope(codes.list(call.tenant(), PromotionCodeParams.filter(call.params()),
            ListParams.request(call.params()), call.now()), URL, view -> render(call, view, call.expand())));
  }

  private static Object render(Call call, PromotionCodeView view, Set<String> expand) {
    return PromotionCodeRenderer.render(view.code(), view.coupon(), call.version(), call.now(), expand);
  }
}

package dev.couponapi.http;

import dev.couponapi.domain.Page;
import dev.couponapi.service.PromotionCodeService;
import dev.couponapi.service.PromotionCodeView;
import dev.couponapi.api.ApiVersion;
import dev.couponapi.wire.ListParams;
import dev.couponapi.wire.PromotionCodeParams;
import dev.couponapi.wire.PromotionCodeRenderer;
import java.util.Set;
import java.util.stream.Collectors;

/** The four promotion-code operations (spec §3), rendered in the request's version. */
public final class PromotionCodeOperations {

  static final String PATH_ID = "promotion_code";
  static final String URL = "/v1/promotion_codes";

  private final PromotionCodeService codes;

  public PromotionCodeOperations(PromotionCodeService codes) {
    this.codes = codes;
  }

  public Operation create() {
    return Operations.of("promotion_codes.create", "POST", PromotionCodeParams::create,
        PromotionCodeParams::expandable, call -> {
          // the response is known before the write: its idempotency record commits with the code
          PromotionCodeView view = codes.create(call.tenant(), PromotionCodeParams.draft(call.params(), call.version()),
              created -> call.idempotency().rideAlongFor(render(created, call.version(), call.expand())));
          return render(view, call.version(), call.expand());
        });
  }

  public Operation retrieve() {
    return Operations.of("promotion_codes.retrieve", "GET", version -> java.util.Map.of(),
        PromotionCodeParams::expandable,
        call -> render(codes.retrieve(call.tenant(), call.pathParameter(PATH_ID)), call.version(), call.expand()));
  }

  public Operation update() {
    return Operations.of("promotion_codes.update", "POST", version -> PromotionCodeParams.UPDATE,
        PromotionCodeParams::expandable,
        call -> render(codes.update(call.tenant(), call.pathParameter(PATH_ID),
            PromotionCodeParams.changes(call.params())), call.version(), call.expand()));
  }

  public Operation list() {
    return Operations.of("promotion_codes.list", "GET", version -> PromotionCodeParams.LIST,
        version -> PromotionCodeParams.expandable(version).stream().map(path -> "data." + path)
            .collect(Collectors.toUnmodifiableSet()),
        call -> {
          Page<PromotionCodeView> page = codes.list(call.tenant(), PromotionCodeParams.filter(call.params()),
              ListParams.request(call.params()));
          Set<String> expand = call.expand().stream().map(path -> path.substring("data.".length()))
              .collect(Collectors.toUnmodifiableSet());
          return ListParams.envelope(page.items(), page.hasMore(), URL, view -> render(view, call.version(), expand));
        });
  }

  private Object render(PromotionCodeView view, ApiVersion version, Set<String> expand) {
    return PromotionCodeRenderer.render(view.code(), view.coupon(), version, codes.now(), expand);
  }
}

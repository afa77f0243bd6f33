package dev.couponapi.http;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.wire.ParamType;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Builds an {@link Operation} from its parts: what each resource's operations class uses. */
final class Operations {

  private Operations() {}

  static Operation of(String name, String method, Function<ApiVersion, Map<String, ParamType>> parameters,
      Function<ApiVersion, Set<String>> expandable, Function<Call, Object> body) {
    return new Operation() {
      public String name() {
        return name;
      }

      public String method() {
        return method;
      }

      public Map<String, ParamType> parameters(ApiVersion version) {
        return parameters.apply(version);
      }

      public Set<String> expandable(ApiVersion version) {
        return expandable.apply(version);
      }

      public Object execute(Call call) {
        return body.apply(call);
      }
    };
  }
}

package dev.couponapi.service;

import dev.couponapi.api.SafeText;
import dev.couponapi.api.ApiException;
import dev.couponapi.api.Errors;
import dev.couponapi.api.Ids;
import java.util.Optional;
import java.util.function.Function;

/** Finding objects by id, the same way for every resource. */
final class Lookups {

  private Lookups() {}

  /** An id that could never have been created cannot exist: answered without a store call. */
  static void requireAcceptableId(String resource, String id) {
    if (!Ids.isAcceptableId(id)) {
      throw noSuch(resource, id, "id", 404);
    }
  }

  /** The list key of a {@code starting_after} / {@code ending_before} object, or 400 naming the cursor. */
  static String cursorKey(String resource, String id, String param, Function<String, Optional<String>> listKeyOf) {
    if (!Ids.isAcceptableId(id)) {
      throw noSuch(resource, id, param, 400);
    }
    return listKeyOf.apply(id).orElseThrow(() -> noSuch(resource, id, param, 400));
  }

  static ApiException noSuch(String resource, String id, String param, int status) {
    return Errors.noSuch(resource, SafeText.clip(id), param, status);
  }
}

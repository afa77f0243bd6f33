package dev.couponapi.service;

import dev.couponapi.api.ApiException;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Tenant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finding one resource's objects by id, the same way for every resource: an id that could never
 * have been created is answered without a store call; a missing object is Stripe's 404
 * {@code resource_missing}; a list cursor must name an object of the same list (a 400 naming the
 * cursor otherwise).
 */
final class Finder<S> {

  /** The list keys of a page's {@code starting_after} / {@code ending_before} objects (null when not given). */
  record Cursors(String after, String before) {}

  private final String resource;
  private final BiFunction<Tenant, String, Optional<S>> find;
  private final BiFunction<Tenant, String, Optional<String>> listKeyOf;

  /** {@code resource} as errors name it ("promotion code"); {@code find} reads by id; {@code listKey} places it in lists. */
  Finder(String resource, BiFunction<Tenant, String, Optional<S>> find, Function<S, String> listKey) {
    this(resource, find, (tenant, id) -> find.apply(tenant, id).map(listKey));
  }

  /** The same, with a cheaper read for a cursor's list key than {@code find} (which also counts redemptions). */
  static <S> Finder<S> withCursorRead(String resource, BiFunction<Tenant, String, Optional<S>> find,
      BiFunction<Tenant, String, Optional<String>> listKeyOf) {
    return new Finder<>(resource, find, listKeyOf);
  }

  private Finder(String resource, BiFunction<Tenant, String, Optional<S>> find,
      BiFunction<Tenant, String, Optional<String>> listKeyOf) {
    this.resource = resource;
    this.find = find;
    this.listKeyOf = listKeyOf;
  }

  /** The object with this id, or 404. */
  S find(Tenant tenant, String id) {
    return find(tenant, id, stored -> true);
  }

  /** The object with this id that {@code live} accepts (e.g. not deleted), or 404. */
  S find(Tenant tenant, String id, Predicate<S> live) {
    requireAcceptableId(id);
    return find.apply(tenant, id).filter(live).orElseThrow(() -> missing(id));
  }

  /** 404 without a store call for an id that could never exist. */
  void requireAcceptableId(String id) {
    Lookups.requireAcceptableId(resource, id);
  }

  ApiException missing(String id) {
    return Lookups.noSuch(resource, id, "id", 404);
  }

  /** The cursors of a page request, read once each. */
  Cursors cursors(Tenant tenant, ListRequest request) {
    return new Cursors(cursor(tenant, request.startingAfter(), "starting_after"),
        cursor(tenant, request.endingBefore(), "ending_before"));
  }

  private String cursor(Tenant tenant, String id, String param) {
    return id == null ? null
        : Lookups.cursorKey(resource, id, param, cursor -> listKeyOf.apply(tenant, cursor));
  }
}

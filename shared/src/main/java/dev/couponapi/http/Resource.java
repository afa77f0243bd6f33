package dev.couponapi.http;

import dev.couponapi.domain.Permissions;
import java.util.List;

/**
 * One resource of the API, as the app registers it (docs/adding-a-resource.md): its operations,
 * each with its route and function, and the kinds of object its events carry. The app composes
 * a list of these; the functions, the local gateway, the event store and renderer, and the list of
 * event types all work from that list.
 */
public interface Resource {

  /** Its operations, in the order of template.yaml's functions. */
  List<Operation> operations();

  /**
   * The permission group of its operations (docs/hosting.md, H2.2): what a restricted key must be
   * granted, at the level each operation needs ({@link Operation#needs}), to call them.
   */
  Permissions.Group group();

  /** The kinds of object its events carry, with their types; none for a resource that records no events. */
  default List<EventKind<?>> events() {
    return List.of();
  }
}

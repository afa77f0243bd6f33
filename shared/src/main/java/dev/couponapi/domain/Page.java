package dev.couponapi.domain;

import java.util.List;

/** One page of a list, newest first, and whether more lie beyond it in the direction asked. */
public record Page<T>(List<T> items, boolean hasMore) {

  public Page {
    items = List.copyOf(items);
  }
}

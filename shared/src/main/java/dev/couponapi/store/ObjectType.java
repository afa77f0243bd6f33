package dev.couponapi.store;

import dev.couponapi.domain.Tenant;

/**
 * The kinds of item in the single table, and the one format of their partition keys:
 * {@code <account>#<mode>#<type>#<id>}. Every key starts with the tenant, so tenants never meet
 * (docs/design.md, "The table").
 */
public enum ObjectType {
  COUPON("coupon"),
  /** A coupon record moved aside when its id was reused; its id is the record's revision. */
  COUPON_REVISION("coupon_rev"),
  PROMOTION_CODE("promo"),
  /** A request for many promotion codes, made in the background. */
  PROMOTION_CODE_BATCH("pcb"),
  /** The uniqueness marker of a promotion code's text among active codes; its id is the lower-cased text. */
  CODE_MARKER("pcode"),
  CUSTOMER("customer"),
  SUBSCRIPTION("sub"),
  /** A test clock (docs/api.md §7.5). */
  TEST_CLOCK("clock"),
  /** Where a subscription item lives: its subscription's id (items are kept inside their subscription). */
  SUBSCRIPTION_ITEM("si"),
  /** An invoice (docs/api.md §7.2). */
  INVOICE("in"),
  /** An invoice item (docs/api.md §7.3). */
  INVOICE_ITEM("ii"),
  IDEMPOTENCY_KEY("idem"),
  /** A recorded change, kept 30 days (docs/events.md). */
  EVENT("evt"),
  /** Where a tenant's events are sent. */
  WEBHOOK_ENDPOINT("we"),
  /** The count of a tenant's webhook endpoints, which holds them to 16; its id is "count". */
  WEBHOOK_ENDPOINT_COUNT("we_count"),
  /** One event's delivery to one endpoint; its id is the event's and the endpoint's. */
  WEBHOOK_DELIVERY("whd"),
  /** A count an account's quota holds (docs/hosting.md); its id names the quota (and the day of a daily one). */
  QUOTA("quota"),
  /** How often one customer redeemed one coupon or code (a limit per customer); its id names both. */
  CUSTOMER_USE("use"),
  /** One escrow shard of a redemption counter; its id is the counter's base and the shard number. */
  COUNTER_SHARD("ctr"),
  /** A coupon's or code's statistics for one month, or since it was made; its id names the subject and which. */
  COUPON_STATS("stats"),
  /** That one event's share of the statistics was counted (kept a few days); its id is the event's and the part's. */
  STATS_COUNTED("counted");

  private final String code;

  ObjectType(String code) {
    this.code = code;
  }

  /** The partition key of one object. */
  public String key(Tenant tenant, String id) {
    return tenant.account() + "#" + tenant.mode() + "#" + code + "#" + id;
  }

  /** The GSI1 partition that lists a tenant's objects of this type, newest first. */
  public String listKey(Tenant tenant) {
    return Table.listKey(tenant, code);
  }

  /** A partition key taken apart again. */
  public record Key(Tenant tenant, ObjectType type, String id) {}

  /** Parses {@code <account>#<mode>#<type>#<id>}; the id may contain '#'. */
  public static Key parse(String pk) {
    String[] parts = pk.split("#", 4);
    if (parts.length < 4) {
      throw new IllegalArgumentException("not an object key: " + pk);
    }
    for (ObjectType type : values()) {
      if (type.code.equals(parts[2])) {
        return new Key(new Tenant(parts[0], "live".equals(parts[1])), type, parts[3]);
      }
    }
    throw new IllegalArgumentException("unknown object type in key: " + pk);
  }
}

package dev.couponapi.store;

import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.PromotionCode;
import dev.couponapi.domain.PromotionCodeFilter;
import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Promotion codes in DynamoDB. Every rule two Lambdas could race on is a condition in the same
 * transaction as the write: the coupon still live, the code text free among active codes.
 */
public final class PromotionCodeStore {

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final ObjectTable<Stored> codes;
  private final CodeMarkers markers;
  private final CouponStore coupons;
  private final CounterShards shards;
  private final int shardsPerCounter;

  public PromotionCodeStore(DynamoDbClient dynamo, String tableName, CouponStore coupons) {
    this(dynamo, tableName, coupons, CounterShards.DEFAULT_SHARDS);
  }

  /** {@code shardsPerCounter}: how many escrow shards a new code's counter gets at most. */
  public PromotionCodeStore(DynamoDbClient dynamo, String tableName, CouponStore coupons, int shardsPerCounter) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.codes = new ObjectTable<>(dynamo, tableName, ObjectType.PROMOTION_CODE, PromotionCodeStore::stored);
    this.markers = new CodeMarkers(tableName);
    this.coupons = coupons;
    this.shards = new CounterShards(tableName);
    this.shardsPerCounter = shardsPerCounter;
  }

  /**
   * A stored code, its place in lists, its version (every update increments it) and the number of
   * shards that count its redemptions (0: stored before sharding, counted on its item).
   */
  public record Stored(PromotionCode code, String listKey, long version, int shards)
      implements CounterShards.Counted<Stored> {

    @Override
    public CounterShards.Counter counter() {
      return CounterShards.Counter.ofPromotionCode(code.id(), shards);
    }

    @Override
    public Stored counted(Map<CounterShards.Counter, Long> used) {
      return shards == 0 ? this
          : new Stored(code.withTimesRedeemed(used.getOrDefault(counter(), 0L)), listKey, version, shards);
    }
  }

  /** Why a write was refused ({@link Refused#reason()}). */
  public enum Refusal { NOT_FOUND, COUPON_GONE, CODE_TAKEN, CHANGED_MEANWHILE, CURRENCY_REPEATED, METADATA_FULL }

  /** The parts of a code's transactions. */
  private enum Part { COUPON, CODE, TEXT_MARKER, SHARDS }

  /**
   * Writes a new code in one transaction: the coupon revision must still be live, an active code
   * takes its text, and {@code rideAlong} (an idempotency record) commits with it.
   */
  public void insert(Tenant tenant, PromotionCode code, Instant now, RideAlong rideAlong) {
    NewCode writes = newCode(tenant, code, now, null);
    Tx tx = new Tx().add(Part.COUPON, coupons.requireLive(tenant, code.couponId(), code.couponRev()))
        .add(Part.CODE, writes.code()).addAll(Part.SHARDS, writes.shards());
    if (writes.textMarker() != null) {
      tx.add(Part.TEXT_MARKER, writes.textMarker());
    }
    try {
      tx.rideAlong(rideAlong).commit(dynamo);
    } catch (Tx.Cancelled cancelled) {
      // the code's own id is 24 random characters: what is taken is its text
      throw new Refused(cancelled.failed(Part.COUPON) ? Refusal.COUPON_GONE : Refusal.CODE_TAKEN);
    }
  }

  /** The writes that create a code: its item, its counter's shards, and its text claim when it is active. */
  record NewCode(TransactWriteItem code, List<TransactWriteItem> shards, TransactWriteItem textMarker) {

    int size() {
      return 1 + shards.size() + (textMarker == null ? 0 : 1);
    }
  }

  /** How a new code is written, in any transaction: {@code batch} names the batch that makes it, or is null. */
  NewCode newCode(Tenant tenant, PromotionCode code, Instant now, String batch) {
    int count = shardCount(code.maxRedemptions());
    return new NewCode(codes.putNew(PromotionCodeMapper.toItem(tenant, NewestFirstIndex.newListKey(code.created(), now),
        count, code, batch)), newCounter(tenant, code, count, code.timesRedeemed()),
        code.activeFlag() ? markers.claim(tenant, code) : null);
  }

  /** How many shards count a new code with this cap. */
  int shardCount(Long maxRedemptions) {
    return CounterShards.shardCount(maxRedemptions, shardsPerCounter);
  }

  /** The shards of a code's counter: open while it is switched on, until it expires, for its customer only. */
  private List<TransactWriteItem> newCounter(Tenant tenant, PromotionCode code, int count, long used) {
    return shards.create(tenant, CounterShards.Counter.ofPromotionCode(code.id(), count), code.maxRedemptions(), used,
        new CounterShards.Terms(code.activeFlag(), code.expiresAt(), code.customer()));
  }

  /** The code, with its redemptions counted: one strongly consistent read, and one of its shards. */
  public Optional<Stored> find(Tenant tenant, String id) {
    return codes.find(tenant, id).map(stored -> counted(tenant, List.of(stored)).get(0));
  }

  /** Where the code with this id sits in lists (for a cursor); one strongly consistent read, nothing counted. */
  public Optional<String> listKey(Tenant tenant, String id) {
    return codes.find(tenant, id).map(Stored::listKey);
  }

  /**
   * The code's terms for a redemption, uncounted (its shards decide whether it has room), read
   * cheaply: eventually consistent, again strongly consistent when it finds no code switched on.
   */
  public Optional<Stored> terms(Tenant tenant, String id) {
    return codes.findCheaply(tenant, id, stored -> stored.code().activeFlag());
  }

  private List<Stored> counted(Tenant tenant, List<Stored> stored) {
    return shards.withCounts(dynamo, tenant, stored, true);
  }

  /**
   * Replaces a code read at {@code current} with {@code next}, switching it on or off: one
   * transaction that requires the code unchanged since the read, takes or frees its text, and, when
   * switching on, requires its coupon revision still live; {@code rideAlong} (its event) commits with it.
   */
  public void replace(Tenant tenant, Stored current, PromotionCode next, RideAlong rideAlong) {
    UpdateExpression update = new UpdateExpression()
        .name("#active", PromotionCodeMapper.ACTIVE).value(":active", Attr.bool(next.activeFlag()))
        .name("#gsi5", Table.GSI5_PK).value(":gsi5", Attr.s(PromotionCodeMapper.activeIndex(tenant, next.activeFlag())))
        .name("#md", PromotionCodeMapper.METADATA).value(":md", Attr.stringMap(next.metadata()))
        .name("#co", PromotionCodeMapper.CURRENCY_OPTIONS)
        .value(":co", Attr.longMap(next.restrictions().currencyOptions()))
        .name("#ver", PromotionCodeMapper.VERSION).value(":ver", Attr.n(current.version()))
        .value(":one", Attr.n(1))
        .set("#active = :active").set("#gsi5 = :gsi5").set("#md = :md").set("#co = :co").set("#ver = #ver + :one")
        .condition("#ver = :ver");
    // only an active code has anything left to expire
    ExpiryIndex.set(update, codes.pk(tenant, next.id()), next.activeFlag() ? next.expiresAt() : null);
    Tx tx = new Tx().add(Part.CODE, TransactWriteItem.builder()
        .update(update.transactionUpdate(tableName, codes.key(tenant, next.id()))).build());
    boolean switchingOn = next.activeFlag() && !current.code().activeFlag();
    if (next.activeFlag() != current.code().activeFlag()) {
      // switched off, nothing more redeems it once this returns; switched on, its shards give again
      tx.addAll(Part.SHARDS, shards.setOpen(tenant, current.counter(), next.activeFlag()));
    }
    if (switchingOn) {
      tx.add(Part.TEXT_MARKER, markers.claim(tenant, next))
          .add(Part.COUPON, coupons.requireLive(tenant, next.couponId(), next.couponRev()));
    } else if (!next.activeFlag() && current.code().activeFlag()) {
      tx.add(Part.TEXT_MARKER, markers.release(tenant, current.code()));
    }
    try {
      tx.rideAlong(rideAlong).commit(dynamo);
    } catch (Tx.Cancelled cancelled) {
      throw new Refused(cancelled.failed(Part.CODE) ? Refusal.CHANGED_MEANWHILE
          : switchingOn && cancelled.failed(Part.TEXT_MARKER) ? Refusal.CODE_TAKEN
          : switchingOn && cancelled.failed(Part.COUPON) ? Refusal.COUPON_GONE : Refusal.CHANGED_MEANWHILE);
    }
  }

  /**
   * The sweep's write for a code past {@code expires_at}, or of a coupon past {@code redeem_by}:
   * switches it off, frees its text and takes it out of the expiry index, in one transaction
   * guarded by its version, with {@code rideAlong} given the code before and after (its event);
   * false when it was switched off (or changed) meanwhile.
   */
  public boolean switchOffExpired(Tenant tenant, String id,
      java.util.function.BiFunction<PromotionCode, PromotionCode, RideAlong> rideAlong) {
    // its count is not needed: the code itself, read once
    Optional<Stored> current = codes.find(tenant, id);
    if (current.isEmpty()) {
      return false;
    }
    if (!current.get().code().activeFlag()) {
      return false;
    }
    try {
      PromotionCode off = current.get().code().withActive(false);
      replace(tenant, current.get(), off, rideAlong.apply(current.get().code(), off));
      return true;
    } catch (Refused changedMeanwhile) {
      return false;
    }
  }

  /** A page of a coupon's codes, and where the next page starts (null: none). */
  public record CodePage(List<PromotionCode> codes, String next) {}

  /**
   * Up to {@code limit} of a coupon's codes, newest first, after the list key {@code after} (null:
   * from the newest), active or not: what the sweep goes through when the coupon expires, a page at
   * a time. Unfiltered, so a page is always full while there is more, however many are switched off.
   */
  public CodePage codesOf(Tenant tenant, String couponId, String after, int limit) {
    Page<Stored> page = codes.page(new NewestFirstIndex.Source(Table.GSI3, Table.GSI3_PK,
        PromotionCodeMapper.couponIndex(tenant, couponId)), new ListRequest(limit, null, null, null, null), after, null,
        item -> true);
    String next = page.hasMore() && !page.items().isEmpty() ? page.items().get(page.items().size() - 1).listKey() : null;
    return new CodePage(page.items().stream().map(Stored::code).toList(), next);
  }

  /** One page, newest first, read from the index that serves the most selective filter. */
  public Page<Stored> page(Tenant tenant, PromotionCodeFilter filter, ListRequest request, String afterKey,
      String beforeKey, Predicate<PromotionCode> keep) {
    NewestFirstIndex.Source source;
    if (filter.code() != null) {
      source = new NewestFirstIndex.Source(Table.GSI2, Table.GSI2_PK, PromotionCodeMapper.codeIndex(tenant, filter.code()));
    } else if (filter.batch() != null) {
      source = new NewestFirstIndex.Source(Table.GSI4, Table.GSI4_PK,
          PromotionCodeMapper.batchIndex(tenant, filter.batch()));
    } else if (filter.customer() != null) {
      source = new NewestFirstIndex.Source(Table.GSI4, Table.GSI4_PK,
          PromotionCodeMapper.customerIndex(tenant, filter.customer()));
    } else if (filter.coupon() != null) {
      source = new NewestFirstIndex.Source(Table.GSI3, Table.GSI3_PK,
          PromotionCodeMapper.couponIndex(tenant, filter.coupon()));
    } else if (filter.active() != null) {
      source = new NewestFirstIndex.Source(Table.GSI5, Table.GSI5_PK,
          PromotionCodeMapper.activeIndex(tenant, filter.active()));
    } else {
      source = codes.list(tenant);
    }
    Page<Stored> page = codes.page(source, request, afterKey, beforeKey, item -> {
      PromotionCode code = PromotionCodeMapper.fromItem(item);
      return keep.test(code) && matches(filter, code)
          && (filter.batch() == null || filter.batch().equals(Attr.string(item, PromotionCodeMapper.BATCH)));
    });
    // a list is eventually consistent (its index is), so are its counts: half the read units
    return new Page<>(shards.withCounts(dynamo, tenant, page.items(), false), page.hasMore());
  }

  /** The filters the chosen index does not already guarantee, checked on the page's items. */
  private static boolean matches(PromotionCodeFilter filter, PromotionCode code) {
    return (filter.code() == null || filter.code().equals(code.normalizedCode()))
        && (filter.customer() == null || filter.customer().equals(code.customer()))
        && (filter.coupon() == null || filter.coupon().equals(code.couponId()))
        && (filter.active() == null || filter.active() == code.activeFlag());
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    return new Stored(PromotionCodeMapper.fromItem(item), Attr.string(item, Table.GSI1_SK),
        PromotionCodeMapper.version(item), CouponMapper.shards(item));
  }

  private Map<String, AttributeValue> key(Tenant tenant, String id) {
    return codes.key(tenant, id);
  }
}

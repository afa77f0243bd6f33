package dev.couponapi.store;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import dev.couponapi.api.Ids;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Coupons in DynamoDB. Each call is one request, and every rule that two Lambdas could race on is a
 * condition: an id is taken by a conditional put, updates and deletes only touch a live coupon.
 */
public final class CouponStore {

  /** The condition that creating a coupon relies on: the id is not taken. */
  public static final String ID_IS_FREE = ObjectTable.IS_NEW;

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final ObjectTable<Stored> coupons;
  private final ObjectTable<Stored> archive;
  private final CounterShards shards;
  private final int shardsPerCounter;

  public CouponStore(DynamoDbClient dynamo, String tableName) {
    this(dynamo, tableName, CounterShards.DEFAULT_SHARDS);
  }

  /** {@code shardsPerCounter}: how many escrow shards a new capped coupon's counter gets at most. */
  public CouponStore(DynamoDbClient dynamo, String tableName, int shardsPerCounter) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.coupons = new ObjectTable<>(dynamo, tableName, ObjectType.COUPON, CouponStore::stored);
    this.archive = new ObjectTable<>(dynamo, tableName, ObjectType.COUPON_REVISION, CouponStore::stored);
    this.shards = new CounterShards(tableName);
    this.shardsPerCounter = shardsPerCounter;
  }

  /** What a refused write ran into, read from the item as it was. */
  public enum Refusal { ID_TAKEN }

  /** The parts of a coupon's transactions. */
  private enum Part { COUPON, ARCHIVED, SHARDS }

  /**
   * A stored coupon with its place in the list, its revision (which record of this id it is) and
   * the number of shards that count its redemptions (0: stored before sharding, counted on its item),
   * and how many updates it has had (what an update read first requires unchanged).
   */
  public record Stored(Coupon coupon, String listKey, String rev, int shards, long version)
      implements CounterShards.Counted<Stored> {

    @Override
    public CounterShards.Counter counter() {
      return CounterShards.Counter.ofCoupon(rev, shards);
    }

    @Override
    public Stored counted(Map<CounterShards.Counter, Long> used) {
      return shards == 0 ? this : new Stored(coupon.withTimesRedeemed(used.getOrDefault(counter(), 0L)), listKey, rev,
          shards, version);
    }
  }

  /**
   * Writes a new coupon; one conditional put, or one transaction when {@code rideAlong} (an
   * idempotency record's completion) must commit with it. Reusing the id of a deleted coupon moves
   * the old record aside in the same transaction, so discounts made from it can still find it.
   * A live coupon with the id is {@link Refusal#ID_TAKEN}.
   */
  public void insert(Tenant tenant, Coupon coupon, Instant now, RideAlong rideAlong) {
    String pk = coupons.pk(tenant, coupon.id());
    String rev = Ids.random(12);
    int count = CounterShards.shardCount(coupon.maxRedemptions(), shardsPerCounter);
    Map<String, AttributeValue> item = CouponMapper.toItem(pk, ObjectType.COUPON.listKey(tenant),
        NewestFirstIndex.newListKey(coupon.created(), now), rev, count, coupon);
    List<TransactWriteItem> counter = newCounter(tenant, rev, count, coupon);
    Map<String, AttributeValue> old;
    Tx tx = new Tx().add(Part.COUPON, TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
        .conditionExpression(ID_IS_FREE)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build())
        .addAll(Part.SHARDS, counter)
        .rideAlong(rideAlong);
    try {
      tx.commit(dynamo);
      return;
    } catch (Tx.Cancelled cancelled) {
      old = cancelled.oldItem(Part.COUPON);
    }
    if (item.get(CouponMapper.REV).equals(old.get(CouponMapper.REV))) {
      // our own coupon: the SDK retried a put whose answer was lost
      return;
    }
    if (!old.containsKey(CouponMapper.DELETED_AT)) {
      throw new Refused(Refusal.ID_TAKEN);
    }
    replaceDeleted(tenant, old, item, counter, rideAlong);
  }

  /** The shards of a new coupon record: open, until its redeem_by, its cap spread over them. */
  private List<TransactWriteItem> newCounter(Tenant tenant, String rev, int count, Coupon coupon) {
    return shards.create(tenant, CounterShards.Counter.ofCoupon(rev, count), coupon.maxRedemptions(),
        coupon.timesRedeemed(), new CounterShards.Terms(true, coupon.redeemBy(), null));
  }

  private void replaceDeleted(Tenant tenant, Map<String, AttributeValue> old, Map<String, AttributeValue> item,
      List<TransactWriteItem> counter, RideAlong rideAlong) {
    Map<String, AttributeValue> archived = new HashMap<>(old);
    archived.put(Table.PK, Attr.s(archive.pk(tenant, Attr.string(old, CouponMapper.REV))));
    archived.remove(Table.GSI1_PK);
    archived.remove(Table.GSI6_PK);
    archived.remove(Table.GSI6_SK);
    Tx tx = new Tx().add(Part.ARCHIVED, archive.putNew(archived))
        .add(Part.COUPON, TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
            .conditionExpression("#rev = :rev AND attribute_exists(#deleted)")
            .expressionAttributeNames(Map.of("#rev", CouponMapper.REV, "#deleted", CouponMapper.DELETED_AT))
            .expressionAttributeValues(Map.of(":rev", old.get(CouponMapper.REV)))
            .build()).build())
        .addAll(Part.SHARDS, counter)
        .rideAlong(rideAlong);
    try {
      tx.commit(dynamo);
    } catch (Tx.Cancelled raced) {
      throw new Refused(Refusal.ID_TAKEN);
    }
  }

  /**
   * The coupon with this id, deleted or not, with its redemptions counted: one strongly consistent
   * read, and one of its shards.
   */
  public Optional<Stored> find(Tenant tenant, String id) {
    return coupons.find(tenant, id).map(stored -> counted(tenant, List.of(stored)).get(0));
  }

  /** Where the coupon with this id sits in lists (for a cursor); one strongly consistent read, nothing counted. */
  public Optional<String> listKey(Tenant tenant, String id) {
    return coupons.find(tenant, id).map(Stored::listKey);
  }

  /**
   * The coupon's terms for a redemption, uncounted (its shards decide whether it has room), read
   * cheaply: eventually consistent, again strongly consistent when it finds no live coupon.
   */
  public Optional<Stored> terms(Tenant tenant, String id) {
    return coupons.findCheaply(tenant, id, stored -> !stored.coupon().deleted());
  }

  private List<Stored> counted(Tenant tenant, List<Stored> stored) {
    return counted(tenant, stored, true);
  }

  /**
   * The coupons with their redemptions counted, in one read of all their shards: strongly
   * consistent, or eventually (half the read units, for a count only shown, never decided on).
   */
  public List<Stored> counted(Tenant tenant, List<Stored> stored, boolean consistent) {
    return shards.withCounts(dynamo, tenant, stored, consistent);
  }

  /**
   * Several coupons by id in one BatchGetItem (ids that do not exist are absent from the map), their
   * counts read eventually consistent, as for a list.
   */
  public Map<String, Stored> findAll(Tenant tenant, java.util.Set<String> ids) {
    Map<String, Stored> found = new HashMap<>();
    // for a page of codes, which is eventually consistent itself: half the read units
    counted(tenant, records(tenant, ids), false).forEach(stored -> found.put(stored.coupon().id(), stored));
    return found;
  }

  /**
   * Several coupons by id in one BatchGetItem per 100, deleted or not, their redemptions not
   * counted (for what needs their records only: their revisions).
   */
  public List<Stored> records(Tenant tenant, java.util.Set<String> ids) {
    return ids.isEmpty() ? List.of() : Items.batchGet(dynamo, tableName, ids.stream().map(id -> coupons.pk(tenant, id))
        .toList(), true).values().stream().map(CouponStore::stored).toList();
  }

  /** A coupon record moved aside when its id was reused, counted. */
  public Optional<Coupon> archived(Tenant tenant, String rev) {
    return archive.find(tenant, rev).map(stored -> counted(tenant, List.of(stored)).get(0).coupon());
  }

  /** The condition a write that depends on a live coupon revision puts on that coupon. */
  public TransactWriteItem requireLive(Tenant tenant, String id, String rev) {
    return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
        .tableName(tableName)
        .key(coupons.key(tenant, id))
        .conditionExpression(CouponMapper.LIVE_REVISION)
        .expressionAttributeNames(Map.of("#deleted", CouponMapper.DELETED_AT, "#rev", CouponMapper.REV))
        .expressionAttributeValues(Map.of(":rev", Attr.s(rev)))
        .build()).build();
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    return new Stored(CouponMapper.fromItem(item), Attr.string(item, Table.GSI1_SK), Attr.string(item, CouponMapper.REV),
        CouponMapper.shards(item), Versioned.of(item));
  }

  /**
   * Replaces the mutable fields of the coupon read at {@code current} with {@code next}'s, in one
   * transaction with {@code rideAlong} (its event): the coupon must be the same live revision,
   * unchanged since the read; else a {@link ChangedMeanwhile}.
   */
  public void replace(Tenant tenant, Stored current, Coupon next, RideAlong rideAlong) {
    UpdateExpression update = new UpdateExpression()
        .name("#name", CouponMapper.NAME).name("#md", CouponMapper.METADATA).name("#co", CouponMapper.CURRENCY_OPTIONS)
        .value(":md", Attr.stringMap(next.metadata())).value(":co", Attr.longMap(next.currencyOptions()))
        .set("#md = :md").set("#co = :co")
        .name("#deleted", CouponMapper.DELETED_AT).name("#rev", CouponMapper.REV).value(":rev", Attr.s(current.rev()))
        .condition(CouponMapper.LIVE_REVISION);
    if (next.name() != null) {
      update.value(":name", Attr.s(next.name())).set("#name = :name");
    } else {
      update.remove("#name");
    }
    Versioned.next(update, current.version());
    Tx tx = new Tx().add(Part.COUPON, TransactWriteItem.builder()
        .update(update.transactionUpdate(tableName, coupons.key(tenant, next.id()))).build()).rideAlong(rideAlong);
    if (!tx.commitUnlessRefusedBy(dynamo, Part.COUPON)) {
      throw new ChangedMeanwhile();
    }
  }

  /**
   * Soft-deletes a live coupon, takes it out of lists and closes its shards, in one transaction
   * guarded by the revision read, with {@code rideAlong} given the coupon as it was (its event):
   * once this returns, nothing more redeems it. Empty when there was none, else the coupon as it was.
   */
  public Optional<Coupon> delete(Tenant tenant, String id, Instant now, Function<Coupon, RideAlong> rideAlong) {
    Optional<Stored> live = find(tenant, id).filter(stored -> !stored.coupon().deleted());
    if (live.isEmpty()) {
      return Optional.empty();
    }
    Tx tx = new Tx().add(Part.COUPON, TransactWriteItem.builder().update(new UpdateExpression()
            .name("#deleted", CouponMapper.DELETED_AT).value(":now", Attr.n(now.getEpochSecond())).set("#deleted = :now")
            .name("#gsi1pk", Table.GSI1_PK).name("#gsi6pk", Table.GSI6_PK).name("#gsi6sk", Table.GSI6_SK)
            .remove("#gsi1pk").remove("#gsi6pk").remove("#gsi6sk")
            .name("#rev", CouponMapper.REV).value(":rev", Attr.s(live.get().rev()))
            .condition(CouponMapper.LIVE_REVISION)
            .transactionUpdate(tableName, coupons.key(tenant, id))).build())
        .addAll(Part.SHARDS, shards.setOpen(tenant, live.get().counter(), false))
        .rideAlong(rideAlong.apply(live.get().coupon()));
    try {
      tx.commit(dynamo);
      return Optional.of(live.get().coupon());
    } catch (Tx.Cancelled deletedMeanwhile) {
      if (!deletedMeanwhile.failed(Part.COUPON)) {
        throw deletedMeanwhile.cause();
      }
      // deleted (or deleted and created anew) since the read: decide on what is there now
      return delete(tenant, id, now, rideAlong);
    }
  }

  /**
   * The sweep's write for a coupon past {@code redeem_by}: stores {@code valid: false} and takes it
   * out of the expiry index; false when another sweep (or a delete) already did.
   */
  public boolean expire(Tenant tenant, String id, Instant now) {
    try {
      dynamo.updateItem(new UpdateExpression()
          .name("#valid", CouponMapper.VALID).value(":false", Attr.bool(false)).set("#valid = :false")
          .name("#redeemBy", CouponMapper.REDEEM_BY).value(":now", Attr.n(now.getEpochSecond()))
          .name("#gsi6pk", Table.GSI6_PK).name("#gsi6sk", Table.GSI6_SK).remove("#gsi6pk").remove("#gsi6sk")
          .condition("attribute_exists(#gsi6pk) AND #redeemBy <= :now")
          .request(tableName, coupons.key(tenant, id)).returnValues(ReturnValue.NONE)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE).build());
      return true;
    } catch (ConditionalCheckFailedException alreadyDone) {
      return false;
    }
  }

  /**
   * Where the sweep stopped in an expiring coupon's codes (a code's list key), so that the next run
   * goes on from there instead of reading again what it switched off; empty: from the newest.
   */
  public Optional<String> sweepCursor(Tenant tenant, String id) {
    return Items.get(dynamo, tableName, coupons.pk(tenant, id)).map(item -> Attr.string(item, CouponMapper.SWEEP_AFTER));
  }

  /** Remembers where the sweep stopped in the coupon's codes, while it is still waiting to expire. */
  public void keepSweepCursor(Tenant tenant, String id, String cursor) {
    try {
      dynamo.updateItem(new UpdateExpression().name("#after", CouponMapper.SWEEP_AFTER).value(":after", Attr.s(cursor))
          .set("#after = :after").name("#gsi6pk", Table.GSI6_PK).condition("attribute_exists(#gsi6pk)")
          .request(tableName, coupons.key(tenant, id)).returnValues(ReturnValue.NONE).build());
    } catch (ConditionalCheckFailedException expiredMeanwhile) {
      // another run finished it: nothing to go on from
    }
  }

  /** One page, newest first; cursor list keys come from {@link #find}. */
  public Page<Coupon> page(Tenant tenant, ListRequest request, String afterKey, String beforeKey) {
    Page<Stored> page = coupons.page(coupons.list(tenant), request, afterKey, beforeKey, item -> true);
    // a list is eventually consistent (its index is), so are its counts: half the read units
    return new Page<>(counted(tenant, page.items(), false).stream().map(Stored::coupon).toList(), page.hasMore());
  }

  /** How often {@code customer} redeemed the coupon record {@code rev} so far (docs/api.md §2.8). */
  public long usesBy(Tenant tenant, String rev, String customer) {
    return CustomerUses.used(dynamo, tableName, tenant, rev, customer);
  }
}

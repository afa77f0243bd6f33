package dev.couponapi.store;

import dev.couponapi.domain.Coupon;
import dev.couponapi.domain.CouponChanges;
import dev.couponapi.domain.ListRequest;
import dev.couponapi.domain.Page;
import dev.couponapi.domain.Tenant;
import dev.couponapi.api.Ids;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Coupons in DynamoDB. Each call is one request, and every rule that two Lambdas could race on is a
 * condition: an id is taken by a conditional put, updates and deletes only touch a live coupon.
 */
public final class CouponStore {

  /** The condition that creating a coupon relies on: the id is not taken. */
  public static final String ID_IS_FREE = ObjectTable.IS_NEW;
  /** The condition every update and delete relies on: the coupon exists and is not deleted. */
  public static final String IS_LIVE = ObjectTable.IS_LIVE;

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final ObjectTable<Stored> coupons;
  private final ObjectTable<Coupon> archive;

  public CouponStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.coupons = new ObjectTable<>(dynamo, tableName, ObjectType.COUPON, CouponStore::stored);
    this.archive = new ObjectTable<>(dynamo, tableName, ObjectType.COUPON_REVISION, CouponMapper::fromItem);
  }

  /** What a refused write ran into, read from the item as it was. */
  public enum Refusal { ID_TAKEN, NOT_FOUND, NOT_AMOUNT_OFF, CURRENCY_REPEATED, METADATA_FULL }

  /** The parts of a coupon's transactions. */
  private enum Part { COUPON, ARCHIVED }

  /** A stored coupon with its place in the list and its revision (which record of this id it is). */
  public record Stored(Coupon coupon, String listKey, String rev) {}

  /**
   * Writes a new coupon; one conditional put, or one transaction when {@code rideAlong} (an
   * idempotency record's completion) must commit with it. Reusing the id of a deleted coupon moves
   * the old record aside in the same transaction, so discounts made from it can still find it.
   * A live coupon with the id is {@link Refusal#ID_TAKEN}.
   */
  public void insert(Tenant tenant, Coupon coupon, Instant now, RideAlong rideAlong) {
    String pk = coupons.pk(tenant, coupon.id());
    Map<String, AttributeValue> item = CouponMapper.toItem(pk, ObjectType.COUPON.listKey(tenant),
        NewestFirstIndex.newListKey(coupon.created(), now), Ids.random(12), coupon);
    Map<String, AttributeValue> old;
    if (rideAlong == null) {
      try {
        dynamo.putItem(PutItemRequest.builder()
            .tableName(tableName)
            .item(item)
            .conditionExpression(ID_IS_FREE)
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
            .build());
        return;
      } catch (ConditionalCheckFailedException taken) {
        old = taken.item();
      }
    } else {
      Tx tx = new Tx().add(Part.COUPON, TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
          .conditionExpression(ID_IS_FREE)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build())
          .rideAlong(rideAlong);
      try {
        tx.commit(dynamo);
        return;
      } catch (Tx.Cancelled cancelled) {
        old = cancelled.oldItem(Part.COUPON);
      }
    }
    if (old != null && item.get(CouponMapper.REV).equals(old.get(CouponMapper.REV))) {
      // our own coupon: the SDK retried a put whose answer was lost
      return;
    }
    if (old == null || !old.containsKey(CouponMapper.DELETED_AT)) {
      throw new Refused(Refusal.ID_TAKEN);
    }
    replaceDeleted(tenant, old, item, rideAlong);
  }

  private void replaceDeleted(Tenant tenant, Map<String, AttributeValue> old, Map<String, AttributeValue> item,
      RideAlong rideAlong) {
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
        .rideAlong(rideAlong);
    try {
      tx.commit(dynamo);
    } catch (Tx.Cancelled raced) {
      throw new Refused(Refusal.ID_TAKEN);
    }
  }

  /** The coupon with this id, deleted or not; one strongly consistent read. */
  public Optional<Stored> find(Tenant tenant, String id) {
    return coupons.find(tenant, id);
  }

  /**
   * The coupon record of revision {@code rev} of coupon {@code id}: the live one, or the one moved
   * aside when the id was reused. For promotion codes and discounts, which name a revision.
   */
  public Optional<Coupon> findRevision(Tenant tenant, String id, String rev) {
    Optional<Stored> live = find(tenant, id);
    if (live.isPresent() && live.get().rev().equals(rev)) {
      return Optional.of(live.get().coupon());
    }
    return archived(tenant, rev);
  }

  /** Several coupons by id in one BatchGetItem (ids that do not exist are absent from the map). */
  public Map<String, Stored> findAll(Tenant tenant, java.util.Set<String> ids) {
    Map<String, Stored> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    List<Map<String, AttributeValue>> keys = ids.stream().map(id -> coupons.key(tenant, id)).toList();
    Map<String, KeysAndAttributes> request = Map.of(tableName,
        KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
    while (!request.isEmpty()) {
      BatchGetItemResponse response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
      response.responses().getOrDefault(tableName, List.of()).forEach(item -> {
        Stored stored = stored(item);
        found.put(stored.coupon().id(), stored);
      });
      request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    return found;
  }

  /** A coupon record moved aside when its id was reused. */
  public Optional<Coupon> archived(Tenant tenant, String rev) {
    return archive.find(tenant, rev);
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
    return new Stored(CouponMapper.fromItem(item), Attr.string(item, Table.GSI1_SK), Attr.string(item, CouponMapper.REV));
  }

  /**
   * Applies the changes to a live coupon and returns it as it is now; one conditional update. A
   * refusal says which rule the coupon as it was broke.
   */
  public Coupon update(Tenant tenant, String id, CouponChanges changes) {
    CouponUpdate update = CouponUpdate.of(changes);
    try {
      return CouponMapper.fromItem(dynamo.updateItem(update.expression().request(tableName, coupons.key(tenant, id))
          .build()).attributes());
    } catch (ConditionalCheckFailedException refused) {
      Map<String, AttributeValue> old = refused.item();
      Refusal refusal = update.explain(old);
      if (refusal != Refusal.METADATA_FULL || update.exceedsLimitGiven(old)) {
        throw new Refused(refusal);
      }
      // Near the 50-key limit: retry once with the exact key state pinned by the condition.
      try {
        return CouponMapper.fromItem(dynamo.updateItem(update.pinnedTo(old).expression()
            .request(tableName, coupons.key(tenant, id)).build()).attributes());
      } catch (ConditionalCheckFailedException changedMeanwhile) {
        throw new Refused(CouponUpdate.of(changes).explain(changedMeanwhile.item()));
      }
    }
  }

  /** Soft-deletes a live coupon and takes it out of lists; false when there was none. */
  public boolean delete(Tenant tenant, String id, Instant now) {
    try {
      dynamo.updateItem(UpdateItemRequest.builder()
          .tableName(tableName)
          .key(coupons.key(tenant, id))
          .updateExpression("SET #deleted = :now REMOVE #gsi1pk, #gsi6pk, #gsi6sk")
          .conditionExpression(IS_LIVE)
          .expressionAttributeNames(Map.of("#deleted", CouponMapper.DELETED_AT, "#gsi1pk", Table.GSI1_PK,
              "#gsi6pk", Table.GSI6_PK, "#gsi6sk", Table.GSI6_SK))
          .expressionAttributeValues(Map.of(":now", Attr.n(now.getEpochSecond())))
          .returnValues(ReturnValue.NONE)
          .build());
      return true;
    } catch (ConditionalCheckFailedException absent) {
      return false;
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

  /** One page, newest first; cursor list keys come from {@link #find}. */
  public Page<Coupon> page(Tenant tenant, ListRequest request, String afterKey, String beforeKey) {
    Page<Stored> page = coupons.page(coupons.list(tenant), request, afterKey, beforeKey, item -> true);
    return new Page<>(page.items().stream().map(Stored::coupon).toList(), page.hasMore());
  }

  Map<String, AttributeValue> couponKey(Tenant tenant, String id) {
    return coupons.key(tenant, id);
  }
}

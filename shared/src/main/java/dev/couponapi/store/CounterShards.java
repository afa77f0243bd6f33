package dev.couponapi.store;

import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The redemption counter of a coupon record or of a promotion code, split into escrow shards
 * (docs/design.md, "Hot codes"): N items of their own, in no index, each holding {@code used} and,
 * for a capped counter, the {@code left} it may still hand out, so that Σ(used + left) is
 * max_redemptions at every moment. A redemption takes from one shard under a condition; nothing
 * moves units between shards, so a unit is never handed out twice. {@code open}, {@code until}
 * and {@code customer} copy the terms that decide whether anything may be taken at all.
 */
public final class CounterShards {

  /** Shards per counter when the deployment says nothing (template.yaml's RedemptionShards). */
  public static final int DEFAULT_SHARDS = 8;
  /** The most shards a counter may have: a coupon's create must fit them in one transaction. */
  public static final int MAX_SHARDS = 64;

  static final String USED = "used";
  static final String LEFT = "left";
  static final String OPEN = "open";
  static final String UNTIL = "until";
  static final String CUSTOMER = "customer";

  /** A take's condition: {@code #open}, {@code #left} (capped), {@code #until}, {@code #customer} as it applies. */
  static final String OPEN_CONDITION = "#open = :true";

  private final String tableName;

  public CounterShards(String tableName) {
    this.tableName = tableName;
  }

  /**
   * One counter: its shards live under {@code base}; {@code shards} is 0 for an object stored
   * before counters were sharded (its count is still on its own item).
   */
  public record Counter(String base, int shards) {

    /** A coupon record's counter: by revision, so a coupon reusing a deleted one's id starts afresh. */
    public static Counter ofCoupon(String rev, int shards) {
      return new Counter("coupon_" + rev, shards);
    }

    public static Counter ofPromotionCode(String id, int shards) {
      return new Counter(id, shards);
    }
  }

  /** The terms a counter's shards copy: whether it is open, until when, and for which customer only. */
  public record Terms(boolean open, Long until, String customer) {}

  /** How many shards a new counter gets: {@code configured}, but no more than a cap has units. */
  public static int shardCount(Long maxRedemptions, int configured) {
    int bounded = Math.max(1, Math.min(configured, MAX_SHARDS));
    return maxRedemptions == null ? bounded : (int) Math.max(1, Math.min(bounded, maxRedemptions));
  }

  /** The allotment of shard {@code shard} of {@code shards} for {@code units} units: as even as it goes. */
  static long allotment(long units, int shards, int shard) {
    return units / shards + (shard < units % shards ? 1 : 0);
  }

  static String key(Tenant tenant, Counter counter, int shard) {
    return ObjectType.COUNTER_SHARD.key(tenant, counter.base() + "#" + shard);
  }

  /**
   * The puts of a new counter's shards: {@code used} already spent (shard 0 holds it) and the rest
   * of {@code maxRedemptions} spread over the shards. Each put requires its key to be new.
   */
  List<TransactWriteItem> create(Tenant tenant, Counter counter, Long maxRedemptions, long used, Terms terms) {
    List<TransactWriteItem> puts = new ArrayList<>();
    for (int shard = 0; shard < counter.shards(); shard++) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(Table.PK, Attr.s(key(tenant, counter, shard)));
      item.put(USED, Attr.n(shard == 0 ? used : 0));
      if (maxRedemptions != null) {
        item.put(LEFT, Attr.n(allotment(Math.max(0, maxRedemptions - used), counter.shards(), shard)));
      }
      item.put(OPEN, Attr.bool(terms.open()));
      Attr.putIfPresent(item, UNTIL, terms.until());
      Attr.putIfPresent(item, CUSTOMER, terms.customer());
      puts.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
          .conditionExpression(ObjectTable.IS_NEW).build()).build());
    }
    return puts;
  }

  /**
   * Takes {@code amount} units from one shard: it must be open, before its date, have the units
   * left (when capped) and, when it is for one customer only, be taken by {@code customer}. On a
   * refusal the shard as it was comes back ({@code ALL_OLD}), so the caller knows why without a read.
   */
  TransactWriteItem take(Tenant tenant, Counter counter, int shard, long amount, boolean capped, String customer,
      Instant now) {
    UpdateExpression update = new UpdateExpression()
        .name("#used", USED).name("#open", OPEN).value(":amount", Attr.n(amount)).value(":true", Attr.bool(true))
        .set("#used = #used + :amount").condition(OPEN_CONDITION);
    if (capped) {
      update.name("#left", LEFT).set("#left = #left - :amount").condition("#left >= :amount");
    }
    update.name("#until", UNTIL).value(":now", Attr.n(now.getEpochSecond()))
        .condition("(attribute_not_exists(#until) OR #until > :now)");
    update.name("#customer", CUSTOMER).value(":customer", Attr.s(customer == null ? "" : customer))
        .condition("(attribute_not_exists(#customer) OR #customer = :customer)");
    return TransactWriteItem.builder().update(update.transactionUpdate(tableName,
        Map.of(Table.PK, Attr.s(key(tenant, counter, shard))))).build();
  }

  /** Opens or closes every shard of a counter (a code switched on or off, a coupon deleted). */
  List<TransactWriteItem> setOpen(Tenant tenant, Counter counter, boolean open) {
    List<TransactWriteItem> updates = new ArrayList<>();
    for (int shard = 0; shard < counter.shards(); shard++) {
      updates.add(TransactWriteItem.builder().update(new UpdateExpression()
          .name("#open", OPEN).value(":open", Attr.bool(open)).set("#open = :open")
          .condition("attribute_exists(" + Table.PK + ")")
          .transactionUpdate(tableName, Map.of(Table.PK, Attr.s(key(tenant, counter, shard)))).toBuilder()
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE).build()).build());
    }
    return updates;
  }

  /** One shard as read: what it has handed out and has left ({@code null} left when uncapped). */
  public record Shard(int index, long used, Long left, boolean open, Long until, String customer) {

    static Shard of(int index, Map<String, AttributeValue> item) {
      Long used = Attr.longValue(item, USED);
      return new Shard(index, used == null ? 0 : used, Attr.longValue(item, LEFT), Attr.bool(item, OPEN),
          Attr.longValue(item, UNTIL), Attr.string(item, CUSTOMER));
    }

    /** Whether this shard gives nothing to {@code customer} at {@code now}, however many units it has left. */
    boolean refuses(String customer, Instant now) {
      return !open || (until != null && until <= now.getEpochSecond())
          || (this.customer != null && !this.customer.equals(customer));
    }
  }

  /**
   * Every shard of these counters, in one BatchGetItem per 100 keys (one call for a page of
   * counters at the default shard count). {@code consistent} for a decision, eventual for display.
   */
  public Map<Counter, List<Shard>> read(DynamoDbClient dynamo, Tenant tenant, List<Counter> counters,
      boolean consistent) {
    List<String> keys = new ArrayList<>();
    for (Counter counter : counters) {
      for (int shard = 0; shard < counter.shards(); shard++) {
        keys.add(key(tenant, counter, shard));
      }
    }
    Map<String, Map<String, AttributeValue>> found = Items.batchGet(dynamo, tableName, keys, consistent);
    Map<Counter, List<Shard>> shards = new LinkedHashMap<>();
    for (Counter counter : counters) {
      List<Shard> these = new ArrayList<>();
      for (int shard = 0; shard < counter.shards(); shard++) {
        Map<String, AttributeValue> item = found.get(key(tenant, counter, shard));
        if (item != null) {
          these.add(Shard.of(shard, item));
        }
      }
      shards.put(counter, these);
    }
    return shards;
  }

  /** A stored coupon or code: which counter counts its redemptions, and itself with that count. */
  public interface Counted<S> {
    Counter counter();

    /** This object with its count from {@code used} (an object stored before sharding keeps its own). */
    S counted(Map<Counter, Long> used);
  }

  /** The objects with their redemptions counted, in one read of all their shards, strongly consistent or not. */
  <S extends Counted<S>> List<S> withCounts(DynamoDbClient dynamo, Tenant tenant, List<S> objects, boolean consistent) {
    Map<Counter, Long> used = used(dynamo, tenant, objects.stream().map(Counted::counter).toList(), consistent);
    return objects.stream().map(object -> object.counted(used)).toList();
  }

  /** times_redeemed of each counter: the sum of its shards' {@code used}. */
  public Map<Counter, Long> used(DynamoDbClient dynamo, Tenant tenant, List<Counter> counters, boolean consistent) {
    Map<Counter, Long> used = new HashMap<>();
    read(dynamo, tenant, counters.stream().filter(counter -> counter.shards() > 0).toList(), consistent)
        .forEach((counter, shards) -> used.put(counter, shards.stream().mapToLong(Shard::used).sum()));
    return used;
  }
}

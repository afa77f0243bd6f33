package dev.couponapi.store;

import dev.couponapi.domain.DiscountRequest;
import dev.couponapi.domain.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The counters a write moves, and the one transaction that commits them with the holder's writes
 * (docs/api.md §4.4): all of it happens, or none. Each counter gives its units from one of its
 * escrow shards ({@link CounterShards}); an empty shard sends the next attempt to another, and only
 * when every shard is empty is the redemption refused.
 */
public record Redemption(List<Count> coupons, List<Count> codes) {

  public static final Redemption NONE = new Redemption(List.of(), List.of());

  /**
   * What refused a redemption ({@link Refused#reason()}): a coupon counter or a promotion-code
   * counter (its {@link Count} is the refusal's {@link Refused#subject()}), or a write of the holder
   * (customer, subscription…; the {@link Holder#part()} is the subject).
   */
  public enum Part { COUPON, PROMOTION_CODE, HOLDER, CUSTOMER_LIMIT, FIRST_TIME }

  /**
   * {@code count} units of one counter: a coupon ({@code rev} the record the discounts name) or a
   * promotion code; {@code customer} the one redeeming; {@code source} the request's first mention
   * of it (what a refusal names). {@code maxRedemptions} and {@code until} (redeem_by, expires_at)
   * are for a counter stored before sharding ({@link LegacyCounters}).
   */
  public record Count(String id, String rev, CounterShards.Counter counter, Long maxRedemptions, Long until,
      String customer, int count, DiscountRequest source, Long perCustomer, boolean firstTimeOnly) {

    /** A count without a limit per customer. */
    public Count(String id, String rev, CounterShards.Counter counter, Long maxRedemptions, Long until,
        String customer, int count, DiscountRequest source) {
      this(id, rev, counter, maxRedemptions, until, customer, count, source, null, false);
    }

    /** Whether its customer must have paid no invoice above zero when it commits (a first-time code's). */
    boolean checksFirstTime() {
      return firstTimeOnly && customer != null;
    }

    /** Whether it is held to a limit per customer: one more item in the redemption's transaction. */
    boolean limitedPerCustomer() {
      return perCustomer != null && customer != null;
    }

    boolean capped() {
      return maxRedemptions != null;
    }

    boolean sharded() {
      return counter.shards() > 0;
    }
  }

  /** One write of the holder (the customer, the subscription, a check on its customer), named by its part. */
  record Holder(Enum<?> part, TransactWriteItem item) {}

  public Redemption {
    coupons = List.copyOf(coupons);
    codes = List.copyOf(codes);
  }

  /**
   * Commits counters, holder writes and the ride-along together; a refusal names its part. Every
   * attempt is one TransactWriteItems; a refused shard never changed anything.
   */
  void commit(DynamoDbClient dynamo, String tableName, Tenant tenant, Instant now, List<Holder> given,
      RideAlong rideAlong) {
    // a first-time code's customer must still have paid nothing as this commits (one customer a redemption)
    Count firstTime = codes.stream().filter(Count::checksFirstTime).findFirst().orElse(null);
    FirstTimeCheck.Checked checked = firstTime == null ? new FirstTimeCheck.Checked(given, null)
        : FirstTimeCheck.add(given, tableName, tenant, firstTime.customer(), Part.FIRST_TIME);
    List<Holder> holder = checked.holder();
    CounterShards shards = new CounterShards(tableName);
    LegacyCounters legacy = new LegacyCounters(tableName);
    List<ShardPicker> couponPickers = coupons.stream().map(count -> picker(dynamo, shards, tenant, count, now)).toList();
    List<ShardPicker> codePickers = codes.stream().map(count -> picker(dynamo, shards, tenant, count, now)).toList();
    // every shard once, a read and a split, and room for others racing for the same last units
    int attempts = 2 * mostShards() + 4;
    // its event says what it redeemed: the statistics count it from the stream, with no write of their own here
    RideAlong tagged = coupons.isEmpty() && codes.isEmpty() ? rideAlong
        : RideAlong.onFirstEvent(rideAlong, CouponStatsStore.redeemed(coupons, codes));
    for (int attempt = 0; attempt < attempts; attempt++) {
      Tx tx = new Tx();
      List<List<ShardPicker.Take>> couponTakes = add(tx, Part.COUPON, coupons, couponPickers, shards,
          count -> legacy.coupon(tenant, count, now), tenant, now);
      List<List<ShardPicker.Take>> codeTakes = add(tx, Part.PROMOTION_CODE, codes, codePickers, shards,
          count -> legacy.code(tenant, count, now), tenant, now);
      List<Count> limited = java.util.stream.Stream.concat(coupons.stream(), codes.stream())
          .filter(Count::limitedPerCustomer).toList();
      limited.forEach(count -> tx.add(Part.CUSTOMER_LIMIT, CustomerUses.take(tableName, tenant, count)));
      holder.forEach(write -> tx.add(write.part(), write.item()));
      tx.rideAlong(tagged);
      try {
        tx.commit(dynamo);
        return;
      } catch (Tx.Cancelled cancelled) {
        if (checked.part() != null && cancelled.failed(checked.part()) && (checked.part() == Part.FIRST_TIME
            || FirstTimeCheck.paid(cancelled.oldItem(checked.part())))) {
          throw new Refused(Part.FIRST_TIME, firstTime);
        }
        for (Holder write : holder) {
          if (cancelled.failed(write.part())) {
            throw new Refused(Part.HOLDER, write.part());
          }
        }
        for (int k = 0; k < limited.size(); k++) {
          if (cancelled.failedAt(Part.CUSTOMER_LIMIT, k)) {
            throw new Refused(Part.CUSTOMER_LIMIT, limited.get(k));
          }
        }
        boolean counterRefused = learn(cancelled, Part.COUPON, coupons, couponTakes, couponPickers);
        if (!learn(cancelled, Part.PROMOTION_CODE, codes, codeTakes, codePickers) && !counterRefused) {
          throw cancelled.cause();
        }
      }
    }
    throw new LockTimeout();
  }

  private int mostShards() {
    return java.util.stream.Stream.concat(coupons.stream(), codes.stream())
        .mapToInt(count -> count.counter().shards()).max().orElse(1);
  }

  private static ShardPicker picker(DynamoDbClient dynamo, CounterShards shards, Tenant tenant, Count count,
      Instant now) {
    return new ShardPicker(count, now, () -> shards.read(dynamo, tenant, List.of(count.counter()), true)
        .getOrDefault(count.counter(), List.of()), shard -> CounterShards.key(tenant, count.counter(), shard));
  }

  /**
   * Adds this attempt's takes of each counter of {@code part} (a legacy counter's update as its one
   * take, which refuses for good); a counter that can give nothing is refused here.
   */
  private static List<List<ShardPicker.Take>> add(Tx tx, Part part, List<Count> counts, List<ShardPicker> pickers,
      CounterShards shards, java.util.function.Function<Count, TransactWriteItem> legacy, Tenant tenant, Instant now) {
    List<List<ShardPicker.Take>> takes = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      Count count = counts.get(i);
      if (!count.sharded()) {
        tx.add(part, legacy.apply(count));
        takes.add(List.of(ShardPicker.LEGACY));
        continue;
      }
      List<ShardPicker.Take> these = pickers.get(i).next();
      if (these.isEmpty()) {
        throw new Refused(part, count);
      }
      for (ShardPicker.Take take : these) {
        tx.add(part, shards.take(tenant, count.counter(), take.shard(), take.amount(), count.capped(), count.customer(),
            now));
      }
      takes.add(these);
    }
    return takes;
  }

  /**
   * Tells each picker what its refused shards said; a shard that refuses for good (closed, past its
   * date, another customer's, gone) refuses the redemption. True when any counter of {@code part} was refused.
   */
  private static boolean learn(Tx.Cancelled cancelled, Part part, List<Count> counts,
      List<List<ShardPicker.Take>> takes, List<ShardPicker> pickers) {
    boolean any = false;
    int position = 0;
    for (int i = 0; i < takes.size(); i++) {
      for (ShardPicker.Take take : takes.get(i)) {
        if (cancelled.failedAt(part, position)) {
          any = true;
          if (take == ShardPicker.LEGACY || !pickers.get(i).refusedBy(take, cancelled.oldItem(part, position))) {
            throw new Refused(part, counts.get(i));
          }
        }
        position++;
      }
    }
    return any;
  }
}

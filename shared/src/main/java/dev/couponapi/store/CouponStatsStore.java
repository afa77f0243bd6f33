package dev.couponapi.store;

import dev.couponapi.domain.CouponStats;
import dev.couponapi.domain.CouponUsage;
import dev.couponapi.domain.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The statistics of coupons and promotion codes (docs/api.md §2.9), counted off the request path:
 * a redemption only says on its event what it redeemed ({@link #redeemed}); the stream's records
 * are counted a batch at a time ({@link #count}), each event once however often it is handed over,
 * by a marker written in the same transaction as the counters it moves. A subject's counters are
 * one item per month (a counter per day) and one since it was made, written once per batch, never
 * by a redemption: no hot item.
 */
public final class CouponStatsStore {

  /** On an event: what its change redeemed, a count per subject ({@link CouponUsage#coupon}, {@link CouponUsage#code}). */
  static final String REDEEMED = "redeemed";
  /** On an event: how many redemptions, all subjects together (the stream trigger's filter looks for it). */
  public static final String REDEMPTIONS = "redemptions";

  /** Usages one transaction part may carry: two counters each and the part's marker fit in one transaction. */
  static final int USAGES_A_PART = (Tx.MAX_ITEMS - 1) / 2 - 1;
  /** How long a part's marker outlives the stream records that could hand its event over again (24 h). */
  static final Duration MARKER_KEPT = Duration.ofDays(3);
  private static final String ALL_TIME = "all";

  private enum Role { MARKER, COUNTER }

  /** One event's share of a batch: its usages, summed per subject and day. */
  public record EventUsages(String eventId, List<CouponUsage> usages) {}

  /** A slice of one event's usages that commits together with its own marker. */
  private record Part(String eventId, String marker, List<CouponUsage> usages) {}

  private final DynamoDbClient dynamo;
  private final String tableName;

  public CouponStatsStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
  }

  /** The attributes that tell, on a redemption's event, what it redeemed. */
  static Map<String, AttributeValue> redeemed(List<Redemption.Count> coupons, List<Redemption.Count> codes) {
    Map<String, Long> counts = new TreeMap<>();
    coupons.forEach(count -> counts.merge(CouponUsage.coupon(count.rev()), (long) count.count(), Long::sum));
    codes.forEach(count -> counts.merge(CouponUsage.code(count.id()), (long) count.count(), Long::sum));
    return Map.of(REDEEMED, Attr.longMap(counts),
        REDEMPTIONS, Attr.n(coupons.stream().mapToLong(Redemption.Count::count).sum()));
  }

  /** What an event's item says its change redeemed, by subject. */
  static Map<String, Long> redeemedBy(Map<String, AttributeValue> event) {
    return Attr.longMap(event, REDEEMED);
  }

  /**
   * Adds each event's usages to the counters, once: the events of a batch together, in as few
   * transactions as fit; an event counted before (a record handed over again) is left out. The
   * ids of the events found counted before.
   */
  public Set<String> count(Tenant tenant, List<EventUsages> events, Instant now) {
    Set<String> before = new LinkedHashSet<>();
    List<Part> chunk = new ArrayList<>();
    Set<String> counters = new HashSet<>();
    for (Part part : parts(events)) {
      Set<String> more = counterKeys(tenant, part);
      Set<String> together = new HashSet<>(counters);
      together.addAll(more);
      if (!chunk.isEmpty() && chunk.size() + 1 + together.size() > Tx.MAX_ITEMS) {
        before.addAll(commit(tenant, chunk, now));
        chunk = new ArrayList<>();
        together = more;
      }
      chunk.add(part);
      counters = together;
    }
    if (!chunk.isEmpty()) {
      before.addAll(commit(tenant, chunk, now));
    }
    return before;
  }

  private static Set<String> counterKeys(Tenant tenant, Part part) {
    Set<String> keys = new HashSet<>();
    part.usages().forEach(usage -> {
      keys.add(monthKey(tenant, usage.subject(), YearMonth.from(usage.day())));
      keys.add(allTimeKey(tenant, usage.subject()));
    });
    return keys;
  }

  private static List<Part> parts(List<EventUsages> events) {
    List<Part> parts = new ArrayList<>();
    for (EventUsages event : events) {
      List<CouponUsage> usages = CouponUsage.summed(event.usages());
      for (int from = 0, k = 0; from < usages.size(); from += USAGES_A_PART, k++) {
        parts.add(new Part(event.eventId(), event.eventId() + "#" + k,
            usages.subList(from, Math.min(usages.size(), from + USAGES_A_PART))));
      }
    }
    return parts;
  }

  /** One transaction: the parts' markers and counters; a part whose marker exists was counted, and is dropped. */
  private Set<String> commit(Tenant tenant, List<Part> chunk, Instant now) {
    Set<String> before = new LinkedHashSet<>();
    List<Part> left = new ArrayList<>(chunk);
    while (!left.isEmpty()) {
      Tx tx = new Tx();
      left.forEach(part -> tx.add(Role.MARKER, marker(tenant, part, now)));
      counters(tenant, left).forEach(counter -> tx.add(Role.COUNTER, counter));
      try {
        tx.commit(dynamo);
        return before;
      } catch (Tx.Cancelled cancelled) {
        List<Part> counted = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
          if (cancelled.failedAt(Role.MARKER, i)) {
            counted.add(left.get(i));
          }
        }
        if (counted.isEmpty()) {
          throw cancelled.cause();
        }
        counted.forEach(part -> before.add(part.eventId()));
        left.removeAll(counted);
      }
    }
    return before;
  }

  private TransactWriteItem marker(Tenant tenant, Part part, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Table.PK, Attr.s(ObjectType.STATS_COUNTED.key(tenant, part.marker())));
    item.put(Table.TTL, Attr.n(now.plus(MARKER_KEPT).getEpochSecond()));
    return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
        .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", Table.PK)).build())
        .build();
  }

  /** The counter updates of these parts: one per subject and month, one per subject since it was made. */
  private List<TransactWriteItem> counters(Tenant tenant, List<Part> parts) {
    Map<String, List<CouponUsage>> byItem = new LinkedHashMap<>();
    List<CouponUsage> usages = CouponUsage.summed(parts.stream().flatMap(part -> part.usages().stream()).toList());
    for (CouponUsage usage : usages) {
      byItem.computeIfAbsent(monthKey(tenant, usage.subject(), YearMonth.from(usage.day())), key -> new ArrayList<>())
          .add(usage);
      byItem.computeIfAbsent(allTimeKey(tenant, usage.subject()), key -> new ArrayList<>()).add(usage);
    }
    List<TransactWriteItem> updates = new ArrayList<>();
    byItem.forEach((key, those) -> {
      boolean allTime = key.endsWith("#" + ALL_TIME);
      // one ADD per attribute: an item since it was made takes the usages of several days
      Map<String, Long> deltas = new TreeMap<>();
      for (CouponUsage usage : those) {
        String day = allTime ? "" : day(usage.day());
        deltas.merge("r" + day, usage.redemptions(), Long::sum);
        deltas.merge("i" + day, usage.invoices(), Long::sum);
        usage.amounts().forEach((currency, amount) -> deltas.merge("a" + day + "_" + currency, amount, Long::sum));
      }
      UpdateExpression update = new UpdateExpression();
      int n = 0;
      for (Map.Entry<String, Long> delta : deltas.entrySet()) {
        if (delta.getValue() != 0) {
          update.name("#c" + n, delta.getKey()).value(":c" + n, Attr.n(delta.getValue())).add("#c" + n + " :c" + n);
          n++;
        }
      }
      updates.add(TransactWriteItem.builder().update(update.transactionUpdate(tableName, Map.of(Table.PK, Attr.s(key))))
          .build());
    });
    return updates;
  }

  /**
   * The statistics of each subject over {@code from} to {@code to}: one eventually consistent
   * BatchGetItem per 100 of their items (a month each, and each one's item since it was made).
   */
  public Map<String, CouponStats> stats(Tenant tenant, List<String> subjects, LocalDate from, LocalDate to) {
    List<YearMonth> months = Stream.iterate(YearMonth.from(from), month -> !month.isAfter(YearMonth.from(to)),
        month -> month.plusMonths(1)).toList();
    List<String> keys = new ArrayList<>();
    for (String subject : subjects) {
      months.forEach(month -> keys.add(monthKey(tenant, subject, month)));
      keys.add(allTimeKey(tenant, subject));
    }
    Map<String, Map<String, AttributeValue>> items = Items.batchGet(dynamo, tableName, keys, false);
    Map<String, CouponStats> stats = new LinkedHashMap<>();
    for (String subject : subjects) {
      SortedMap<LocalDate, Long> byDay = new TreeMap<>();
      CouponStats.Totals window = CouponStats.Totals.NONE;
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        Map<String, AttributeValue> month = items.getOrDefault(monthKey(tenant, subject, YearMonth.from(day)), Map.of());
        long redemptions = Attr.longOrZero(month, "r" + day(day));
        byDay.put(day, redemptions);
        window = window.plus(redemptions, Attr.longOrZero(month, "i" + day(day)), amounts(month, "a" + day(day) + "_"));
      }
      Map<String, AttributeValue> all = items.getOrDefault(allTimeKey(tenant, subject), Map.of());
      stats.put(subject, new CouponStats(from, to, byDay, window,
          new CouponStats.Totals(Attr.longOrZero(all, "r"), Attr.longOrZero(all, "i"), amounts(all, "a_"))));
    }
    return stats;
  }

  private static Map<String, Long> amounts(Map<String, AttributeValue> item, String prefix) {
    Map<String, Long> amounts = new TreeMap<>();
    item.forEach((name, value) -> {
      if (name.startsWith(prefix) && value.n() != null) {
        amounts.put(name.substring(prefix.length()), Long.parseLong(value.n()));
      }
    });
    return amounts;
  }

  private static String day(LocalDate day) {
    return String.format("%02d", day.getDayOfMonth());
  }

  private static String monthKey(Tenant tenant, String subject, YearMonth month) {
    return ObjectType.COUPON_STATS.key(tenant, subject + "#" + month);
  }

  private static String allTimeKey(Tenant tenant, String subject) {
    return ObjectType.COUPON_STATS.key(tenant, subject + "#" + ALL_TIME);
  }
}

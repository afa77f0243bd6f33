package dev.couponapi.bench;

/**
 * A model, not a measurement: the redemptions a second one hot code could take on AWS, from the
 * per-redemption costs measured on DynamoDB Local and DynamoDB's published limits (1,000 write
 * units and 3,000 read units a second per partition, so per item; 40,000 write request units a
 * second per table by default, a quota that can be raised). The one limit AWS does not publish,
 * how many transactions a second one item can join before conflicts dominate ({@code rTx}), is a
 * parameter. Each container takes a counter's shards in turn from a random start, so in one second
 * a container doing k redemptions puts them on k consecutive shards: the busiest of N shards then
 * carries a little more than R/N, which {@link #ratePutting} finds by simulating {@link #CONTAINERS}
 * containers sharing the load (the mean busiest shard over {@link #TRIALS} seconds).
 */
final class ThroughputModel {

  static final double PARTITION_WRITE_UNITS = 1000;
  static final double PARTITION_READ_UNITS = 3000;
  static final double TABLE_WRITE_QUOTA = 40_000;
  static final int CONTAINERS = 100;
  static final int TRIALS = 200;

  /**
   * @param shards the counter shards a redemption spreads over (1 for a counter on one item)
   * @param hottestKeyWriteUnits write units one redemption puts on the key it writes hardest
   * @param hottestIndexKeyUnits index write units one redemption puts on the hardest-hit index key
   * @param hottestReadUnits read units one redemption puts on the hardest-read key
   * @param writeUnits all write units of one redemption (table and indexes)
   */
  record Costs(int shards, double hottestKeyWriteUnits, double hottestIndexKeyUnits, double hottestReadUnits,
      double writeUnits) {}

  private ThroughputModel() {}

  /** The bound each limit sets, and the least of them, for one value of rTx. */
  record Ceiling(double hotShard, double hotIndexKey, double hotRead, double conflicts, double tableQuota) {
    double least() {
      return Math.min(Math.min(Math.min(hotShard, hotIndexKey), Math.min(hotRead, conflicts)), tableQuota);
    }

    /** The least of the per-partition bounds: what sharding moves (the table quota is a setting). */
    double partitionLeast() {
      return Math.min(Math.min(hotShard, hotIndexKey), Math.min(hotRead, conflicts));
    }
  }

  static Ceiling ceiling(Costs costs, double rTx) {
    double perShard = PARTITION_WRITE_UNITS / costs.hottestKeyWriteUnits();
    return new Ceiling(
        ratePutting(perShard, costs.shards()),
        costs.hottestIndexKeyUnits() == 0 ? Double.POSITIVE_INFINITY : PARTITION_WRITE_UNITS / costs.hottestIndexKeyUnits(),
        costs.hottestReadUnits() == 0 ? Double.POSITIVE_INFINITY : PARTITION_READ_UNITS / costs.hottestReadUnits(),
        ratePutting(rTx, costs.shards()),
        TABLE_WRITE_QUOTA / costs.writeUnits());
  }

  /** The total rate R at which the busiest of {@code shards} shards, taken in turn, reaches {@code perShard} a second. */
  static double ratePutting(double perShard, int shards) {
    if (shards == 1) {
      return perShard;
    }
    double low = 0;
    double high = perShard * shards;
    for (int i = 0; i < 40; i++) {
      double rate = (low + high) / 2;
      if (busiest(rate, shards) <= perShard) {
        low = rate;
      } else {
        high = rate;
      }
    }
    return low;
  }

  /** The mean load of the busiest shard in one second at {@code rate}, containers at random points of their turns. */
  static double busiest(double rate, int shards) {
    java.util.Random random = new java.util.Random(42);
    double perContainer = rate / CONTAINERS;
    double sum = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      int[] load = new int[shards];
      for (int container = 0; container < CONTAINERS; container++) {
        // a whole number of redemptions this second, averaging perContainer
        int k = (int) perContainer + (random.nextDouble() < perContainer - Math.floor(perContainer) ? 1 : 0);
        int start = random.nextInt(shards);
        for (int i = 0; i < k; i++) {
          load[(start + i) % shards]++;
        }
      }
      int max = 0;
      for (int each : load) {
        max = Math.max(max, each);
      }
      sum += max;
    }
    return sum / TRIALS;
  }
}

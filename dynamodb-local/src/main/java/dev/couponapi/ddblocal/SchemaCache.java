package dev.couponapi.ddblocal;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.dynamodb.services.local.shared.mapper.DynamoDbObjectMapper;

/**
 * DynamoDB Local reads a table's schema (its key, attribute definitions and every index) from its
 * SQLite catalogue and parses it from JSON again for every item it reads or writes: a strongly
 * consistent read of one item spends more on that parse than on the item (bench/JOURNAL.md, "The
 * local runner against localstripe"). This parses each distinct stored schema once: the engine's
 * own mapper is replaced by one that keeps what it parsed, keyed by the exact bytes it was parsed
 * from, so a changed schema (a new index, a TTL) has other bytes and is parsed anew. Everything
 * else the mapper does, items included, is unchanged. Installed once per JVM, before the engine
 * serves a request; if the engine's internals are not as expected it does nothing, and the engine
 * runs as shipped.
 */
final class SchemaCache extends DynamoDbObjectMapper {

  /** The engine classes that parse the schema, each with a static MAPPER of its own: item access and table lookups. */
  static final java.util.List<String> PARSERS = java.util.List.of(
      "software.amazon.dynamodb.services.local.shared.access.sqlite.SQLiteDBAccessJob",
      "software.amazon.dynamodb.services.local.shared.access.sqlite.SQLiteDBAccess");
  static final String SCHEMA = "software.amazon.dynamodb.services.local.shared.access.sqlite.TableSchemaInfo";
  /** More distinct schemas than this (tables times their versions) and the cache starts over. */
  static final int MAX_ENTRIES = 256;

  private static volatile boolean installed;

  private final transient Class<?> schemaType;
  private final transient Map<Bytes, Object> parsed = new ConcurrentHashMap<>();

  private SchemaCache(Class<?> schemaType) {
    this.schemaType = schemaType;
  }

  /** Whether the cache is in place (false: the engine parses as shipped). */
  static boolean installed() {
    return installed;
  }

  static synchronized void install() {
    if (installed || "false".equals(System.getProperty("couponapi.schemaCache"))) {
      return;
    }
    try {
      Field theUnsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
      theUnsafe.setAccessible(true);
      sun.misc.Unsafe unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
      SchemaCache cache = new SchemaCache(Class.forName(SCHEMA, true, SchemaCache.class.getClassLoader()));
      java.util.List<Field> mappers = new java.util.ArrayList<>();
      for (String parser : PARSERS) {
        Field mapper = Class.forName(parser, true, SchemaCache.class.getClassLoader()).getDeclaredField("MAPPER");
        if (!Modifier.isStatic(mapper.getModifiers()) || mapper.getType() != DynamoDbObjectMapper.class) {
          return;
        }
        mappers.add(mapper);
      }
      for (Field mapper : mappers) {
        // a static final field: written where the JVM keeps it, before any engine code has run hot
        @SuppressWarnings("deprecation")
        Object base = unsafe.staticFieldBase(mapper);
        @SuppressWarnings("deprecation")
        long offset = unsafe.staticFieldOffset(mapper);
        unsafe.putObjectVolatile(base, offset, cache);
      }
      installed = true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError unexpected) {
      // another DynamoDB Local build: it runs as shipped, only slower
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T readValue(byte[] src, Class<T> valueType) throws IOException {
    if (valueType != schemaType) {
      return super.readValue(src, valueType);
    }
    Object known = parsed.get(new Bytes(src, false));
    if (known == null) {
      known = super.readValue(src, valueType);
      if (parsed.size() >= MAX_ENTRIES) {
        parsed.clear();
      }
      parsed.put(new Bytes(src, true), known);
    }
    return (T) known;
  }

  /** A byte array compared by content. */
  private static final class Bytes {
    private final byte[] bytes;
    private final int hash;

    /** {@code copy}: for a key kept in the cache, whose array the engine must not change under it. */
    Bytes(byte[] bytes, boolean copy) {
      this.bytes = copy ? bytes.clone() : bytes;
      this.hash = sampledHash(bytes);
    }

    /**
     * The length and the first and last 32 bytes: hashing every byte of a schema on every read
     * costs more than the vectorised comparison that {@link #equals} does on a hit anyway.
     */
    private static int sampledHash(byte[] bytes) {
      int hash = bytes.length;
      int head = Math.min(32, bytes.length);
      for (int i = 0; i < head; i++) {
        hash = 31 * hash + bytes[i];
      }
      for (int i = Math.max(head, bytes.length - 32); i < bytes.length; i++) {
        hash = 31 * hash + bytes[i];
      }
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes that && hash == that.hash && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}

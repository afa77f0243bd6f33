package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * serve's read cache in front of DynamoDB Local: a repeated read is answered from memory, and a
 * write through either client (the in-process one, or the HTTP endpoint the CLI and the AWS CLI
 * use) is seen by the next read through either.
 */
class ReadCacheTest {

  private final DynamoDbLocalServer server = DynamoDbLocalServer.inMemory(0);
  private DynamoDbClient inProcess;
  private DynamoDbClient http;

  @BeforeEach
  void start() {
    server.cacheReads();
    inProcess = server.inProcessClient();
    http = server.client();
    LocalTable.ensure(inProcess, LocalTable.NAME);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", AttributeValue.fromS(pk));
  }

  private static String value(DynamoDbClient client, String pk) {
    Map<String, AttributeValue> item = client.getItem(request -> request.tableName(LocalTable.NAME).consistentRead(true)
        .key(key(pk))).item();
    return item.isEmpty() ? null : item.get("v").s();
  }

  private static void put(DynamoDbClient client, String pk, String value) {
    client.putItem(request -> request.tableName(LocalTable.NAME)
        .item(Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromS(value))));
  }

  @Test
  void aRepeatedRead_comesFromMemory_untilAWriteThroughEitherClient() {
    put(inProcess, "a", "one");
    assertThat(value(inProcess, "a")).isEqualTo("one");
    long before = server.cachedReads();
    assertThat(value(inProcess, "a")).isEqualTo("one");
    assertThat(value(inProcess, "a")).isEqualTo("one");
    assertThat(server.cachedReads()).isEqualTo(before + 2);

    put(http, "a", "two");
    assertThat(value(inProcess, "a")).isEqualTo("two");
    assertThat(value(http, "a")).isEqualTo("two");
    put(inProcess, "a", "three");
    assertThat(value(http, "a")).isEqualTo("three");

    http.deleteItem(request -> request.tableName(LocalTable.NAME).key(key("a")));
    assertThat(value(inProcess, "a")).isNull();
    inProcess.transactWriteItems(request -> request.transactItems(TransactWriteItem.builder().put(Put.builder()
        .tableName(LocalTable.NAME).item(Map.of("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromS("four")))
        .build()).build()));
    assertThat(value(http, "a")).isEqualTo("four");
    assertThat(inProcess.query(request -> request.tableName(LocalTable.NAME).keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("a")))).items())
        .extracting(item -> item.get("v").s()).containsExactly("four");
  }

  @Test
  void readersUnderWrites_neverGoBack_andAWriterReadsWhatItWrote() throws Exception {
    put(inProcess, "n", "0");
    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> wrong = new CopyOnWriteArrayList<>();
    List<Thread> readers = List.of(http, inProcess, inProcess).stream().map(client -> new Thread(() -> {
      int last = 0;
      while (writing.get()) {
        int seen = Integer.parseInt(value(client, "n"));
        if (seen < last) {
          wrong.add("read " + seen + " after " + last);
        }
        last = seen;
      }
    })).toList();
    readers.forEach(Thread::start);
    for (int i = 1; i <= 300; i++) {
      put(i % 2 == 0 ? inProcess : http, "n", Integer.toString(i));
      int seen = Integer.parseInt(value(i % 3 == 0 ? http : inProcess, "n"));
      if (seen != i) {
        wrong.add("wrote " + i + ", read " + seen);
      }
    }
    writing.set(false);
    for (Thread reader : readers) {
      reader.join();
    }
    assertThat(wrong).isEmpty();
    assertThat(server.cachedReads()).isPositive();
  }
}

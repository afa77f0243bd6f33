package dev.couponapi.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.app.App;
import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.domain.Tenant;
import dev.couponapi.testing.LocalDynamo;
import dev.couponapi.testing.Requests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** ./run-local as a new user meets it: mistakes are one line and exit 2; a sweep "from the future" writes nothing. */
class LocalMainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final LocalMain main = new LocalMain(LocalApi.home(), new PrintStream(out, true, StandardCharsets.UTF_8),
      new PrintStream(err, true, StandardCharsets.UTF_8));

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aCommandLineMistake_isOneClearLine_andExitCode2() {
    List<String[]> mistakes = List.of(
        new String[] {"serve", "--api-key", "sk_test_short"},
        new String[] {"serve", "--port", "eighty"},
        new String[] {"serve", "--port", "70000"},
        new String[] {"serve", "--nonsense"},
        new String[] {"serve", "--port"},
        new String[] {"frobnicate"},
        new String[] {"invoke", "CreateCouponFunction"},
        new String[] {"invoke", "NoSuchFunction", "-e", "events/create-coupon.json"},
        new String[] {"invoke", "CreateCouponFunction", "-e", "events/no-such-file.json"},
        new String[] {"keys", "create"},
        new String[] {"keys"},
        new String[] {"keys", "list"},
        new String[] {"keys", "revoke"},
        new String[] {"keys", "roll"},
        new String[] {"keys", "create", "--account", "acct_x", "--restricted", "coupon=write"},
        new String[] {"keys", "create", "--account", "acct_x", "--restricted", "coupons=all"},
        new String[] {"keys", "roll", "sk_test_AAAAAAAAAAAAAAAAAAAA", "--expires-in-hours", "169"},
        new String[] {"sweep", "--now", "tomorrow"},
        new String[] {"sweep", "--write"},
        new String[] {"sweep", "--endpoint", "not a url"});
    for (String[] args : mistakes) {
      err.reset();
      assertThat(main.run(args)).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err().lines().toList()).as(String.join(" ", args)).hasSize(1)
          .allSatisfy(line -> assertThat(line).startsWith("run-local: ").doesNotContain("Exception"));
    }
    err.reset();
    main.run(new String[] {"serve", "--api-key", "sk_test_short"});
    assertThat(err()).contains("--api-key takes a test secret key");
  }

  @Test
  void anUnknownFunction_namesTheOneMeant_orListsThemInOrder() {
    assertThat(main.run(new String[] {"invoke", "CreateCoupon", "-e", "events/create-coupon.json"})).isEqualTo(2);
    assertThat(err()).isEqualTo("run-local: template.yaml has no function CreateCoupon; did you mean "
        + "CreateCouponFunction?\n");
    err.reset();
    assertThat(main.run(new String[] {"invoke", "NoSuch", "-e", "events/create-coupon.json"})).isEqualTo(2);
    String listed = err().substring(err().indexOf("functions: ") + "functions: ".length()).trim();
    List<String> functions = List.of(listed.split(", "));
    assertThat(functions).contains("AuthorizerFunction", "CreateCouponFunction", "ListCouponsFunction")
        .isSorted();
  }

  @Test
  void help_listsEveryCommandWithTheOptionsItDeclares() {
    assertThat(main.run(new String[] {"--help"})).isZero();
    assertThat(out()).contains("./run-local serve [--port N]", "[--api-key sk_test_...]", "./run-local invoke <FunctionLogicalId> [-e events/<file>.json]",
        "./run-local keys create|list|revoke|roll [--account acct_...] [--live] [--restricted GROUP=LEVEL,...]", "./run-local sweep [--now EPOCH] [--write]");
    out.reset();
    assertThat(main.run(new String[] {"sweep", "--help"})).isZero();
    assertThat(out()).contains("--now EPOCH").contains("writes nothing").doesNotContain("./run-local serve");
    assertThat(main.run(new String[] {})).isEqualTo(2);
  }

  @Test
  void sweepWithNow_isADryRun_thatWritesNothing_andWriteAppliesIt() {
    URI endpoint = LocalDynamo.server().endpoint();
    DynamoDbClient dynamo = DynamoDbLocalServer.clientFor(endpoint);
    LocalTable.ensure(dynamo, LocalTable.NAME);
    App app = new App(dynamo, LocalTable.NAME, Clock.systemUTC(), ApiVersion.parse(ApiVersion.FALLBACK));
    Tenant tenant = new Tenant("acct_dryrun" + System.nanoTime(), false);
    long later = Instant.now().getEpochSecond() + 3600;
    String coupon = "SOON" + System.nanoTime();
    app.pipeline().handle(app.resource(dev.couponapi.http.CouponResource.class).create(), Requests.event(app.resource(dev.couponapi.http.CouponResource.class).create(), "/v1/coupons",
        "id=" + coupon + "&percent_off=5&redeem_by=" + later, tenant));
    app.pipeline().handle(app.resource(dev.couponapi.http.PromotionCodeResource.class).create(), Requests.event(app.resource(dev.couponapi.http.PromotionCodeResource.class).create(),
        "/v1/promotion_codes", "promotion[type]=coupon&promotion[coupon]=" + coupon, tenant));
    List<Map<String, AttributeValue>> before = itemsOf(dynamo, tenant);
    String[] future = {"sweep", "--now", Long.toString(later + 60), "--endpoint", endpoint.toString()};

    assertThat(main.run(future)).isZero();

    assertThat(out()).contains("dry run").contains("nothing was written")
        .contains("coupons_expired: 1").contains("promotion_codes_switched_off: 1");
    assertThat(itemsOf(dynamo, tenant)).isEqualTo(before);

    out.reset();
    assertThat(main.run(new String[] {"sweep", "--now", Long.toString(later + 60), "--write", "--endpoint",
        endpoint.toString()})).isZero();
    assertThat(out()).doesNotContain("dry run").contains("promotion_codes_switched_off: 1");
    assertThat(itemsOf(dynamo, tenant)).isNotEqualTo(before);
  }

  @Test
  void serveWithEndpoint_usesThatDynamoDB_andServesTheApiOnIt() throws Exception {
    URI endpoint = LocalDynamo.server().endpoint();
    try (RunningServe serve = new RunningServe("--endpoint", endpoint.toString())) {
      assertThat(serve.printed()).contains("DynamoDB         " + endpoint + "  (table couponapi-local, yours)");
      String id = "EP" + System.nanoTime();
      assertThat(serve.send("POST", "/v1/coupons", "id=" + id + "&percent_off=5").statusCode()).isEqualTo(200);
      DynamoDbClient dynamo = DynamoDbLocalServer.clientFor(endpoint);
      Map<String, AttributeValue> coupon = dynamo.getItem(request -> request.tableName(LocalTable.NAME)
          .consistentRead(true).key(Map.of("pk", AttributeValue.fromS("acct_local#test#coupon#" + id)))).item();
      assertThat(coupon).isNotEmpty();
      assertThat(coupon.get("shards").n()).as("the template's RedemptionShards on a DynamoDB of yours").isEqualTo("8");
    }
  }

  /**
   * keys create, list, revoke and roll on the command line against a running serve's DynamoDB Local:
   * serve refuses a revoked key at once (not after its 300 s of cached decisions), a restricted key
   * gets Stripe's 403 for what it may not do, and a rolled key's old half keeps working.
   */
  @Test
  void keysOnTheCommandLine_andARunningServeRefusesARevokedKeyAtOnce() throws Exception {
    try (RunningServe serve = new RunningServe("--in-memory", "--dynamodb-port", "0")) {
      String endpoint = serve.printed().lines().filter(line -> line.startsWith("DynamoDB Local"))
          .map(line -> line.split("\\s+")[2]).findFirst().orElseThrow();
      String key = keys("create", "--account", "acct_local", "--endpoint", endpoint).strip();
      assertThat(key).startsWith("sk_test_");
      assertThat(serve.sendAs(key, "GET", "/v1/coupons", null).statusCode()).isEqualTo(200);
      assertThat(keys("list", "--account", "acct_local", "--endpoint", endpoint))
          .contains("sk_test_…" + key.substring(key.length() - 4)).doesNotContain(key);

      assertThat(keys("revoke", "sk_test_…" + key.substring(key.length() - 4), "--endpoint", endpoint))
          .startsWith("revoked sk_test_…" + key.substring(key.length() - 4));
      assertThat(awaitStatus(serve, key, 401)).as("refused within seconds of the revoke").isEqualTo(401);

      String restricted = keys("create", "--account", "acct_local", "--restricted", "coupons=read",
          "--endpoint", endpoint).strip();
      assertThat(restricted).startsWith("rk_test_");
      assertThat(serve.sendAs(restricted, "GET", "/v1/coupons", null).statusCode()).isEqualTo(200);
      var refused = serve.sendAs(restricted, "POST", "/v1/coupons", "percent_off=5");
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("'coupons_write' permission");

      String rolled = keys("roll", restricted, "--expires-in-hours", "1", "--endpoint", endpoint).strip();
      assertThat(rolled).startsWith("rk_test_").isNotEqualTo(restricted);
      assertThat(err()).contains("stops at");
      assertThat(serve.sendAs(restricted, "GET", "/v1/coupons", null).statusCode()).isEqualTo(200);
      assertThat(serve.sendAs(rolled, "GET", "/v1/coupons", null).statusCode()).isEqualTo(200);

      err.reset();
      assertThat(main.run(new String[] {"keys", "revoke", "zzzz", "--endpoint", endpoint})).isEqualTo(2);
      assertThat(err().lines().toList()).containsExactly("run-local: no key of acct_local (test) ends in zzzz");
    }
  }

  /**
   * An advance with more renewals than its request makes (50) is finished by serve at once, not at
   * its next scheduled sweep (300 s here): the clock is ready, every subscription renewed, in seconds.
   */
  @Test
  void aTestClockAdvanceLeftToTheBackground_isFinishedAtOnce() throws Exception {
    try (RunningServe serve = new RunningServe("--in-memory", "--dynamodb-port", "0")) {
      long start = 1_767_225_600L; // 2026-01-01
      String clock = field(serve.send("POST", "/v1/test_helpers/test_clocks", "frozen_time=" + start).body(), "id");
      List<String> subscriptions = new java.util.ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String customer = field(serve.send("POST", "/v1/customers", "test_clock=" + clock).body(), "id");
        subscriptions.add(field(serve.send("POST", "/v1/subscriptions", "customer=" + customer
            + "&items[0][price_data][currency]=usd&items[0][price_data][product]=prod_A"
            + "&items[0][price_data][unit_amount]=1000&items[0][price_data][recurring][interval]=month").body(), "id"));
      }
      int before = serve.printed().length();
      var advanced = serve.send("POST", "/v1/test_helpers/test_clocks/" + clock + "/advance", "frozen_time=" + (start + 32 * 86_400));
      assertThat(field(advanced.body(), "status")).as(advanced.body()).isEqualTo("advancing");
      // the sweep run the advance started prints its line when done (the schedule's first is 300 s away)
      assertThat(serve.awaitPrinted("\"operation\":\"expiry_sweep\"", before, 30)).as(serve.printed()).isTrue();
      assertThat(field(serve.send("GET", "/v1/test_helpers/test_clocks/" + clock, null).body(), "status"))
          .as("ready without waiting for the sweep's schedule").isEqualTo("ready");
      for (String subscription : subscriptions) {
        assertThat(serve.send("GET", "/v1/invoices?subscription=" + subscription, null).body())
            .as(subscription).contains("subscription_cycle");
      }
    }
  }

  private static String field(String json, String name) {
    return String.valueOf(dev.couponapi.wire.Json.readObject(json).get(name));
  }

  /** The status of a request with this key, once it is {@code wanted} (waiting 10 s at most). */
  private static int awaitStatus(RunningServe serve, String key, int wanted) throws Exception {
    int status = 0;
    for (long until = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < until; Thread.sleep(20)) {
      status = serve.sendAs(key, "GET", "/v1/coupons", null).statusCode();
      if (status == wanted) {
        break;
      }
    }
    return status;
  }

  private String keys(String... args) {
    out.reset();
    String[] command = new String[args.length + 1];
    command[0] = "keys";
    System.arraycopy(args, 0, command, 1, args.length);
    assertThat(main.run(command)).as(err()).isZero();
    return out();
  }

  @Test
  void serveOnItsOwnDynamoDbLocal_countsInOneShard_sinceMoreOnlyCostTimeThere() throws Exception {
    try (RunningServe serve = new RunningServe()) {
      assertThat(serve.send("POST", "/v1/coupons", "id=ONE&percent_off=5&max_redemptions=100").statusCode())
          .isEqualTo(200);
      URI endpoint = URI.create(serve.printed().lines().filter(line -> line.startsWith("DynamoDB Local"))
          .map(line -> line.split("\\s+")[2]).findFirst().orElseThrow());
      Map<String, AttributeValue> coupon = DynamoDbLocalServer.clientFor(endpoint).getItem(request -> request
          .tableName(LocalTable.NAME).consistentRead(true)
          .key(Map.of("pk", AttributeValue.fromS("acct_local#test#coupon#ONE")))).item();
      assertThat(coupon.get("shards").n()).isEqualTo("1");
      assertThat(serve.send("GET", "/v1/coupons/ONE", null).body()).contains("\"times_redeemed\":0");
    }
  }

  @Test
  void anExistingTableOfAnotherShape_isRefused_withWhatDiffers() {
    DynamoDbClient dynamo = DynamoDbLocalServer.clientFor(LocalDynamo.server().endpoint());
    String name = "wrong-shape-" + System.nanoTime();
    var definition = dev.couponapi.store.Table.definition(name);
    dynamo.createTable(definition.toBuilder().globalSecondaryIndexes(definition.globalSecondaryIndexes().get(0))
        .attributeDefinitions(definition.attributeDefinitions().stream()
            .filter(attribute -> List.of("pk", "gsi1pk", "gsi1sk").contains(attribute.attributeName())).toList())
        .build());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalTable.ensure(dynamo, name))
        .isInstanceOf(Options.UsageError.class).hasMessageContaining("index gsi2 is missing")
        .hasMessageContaining("index gsi6 is missing");
    assertThat(main.run(new String[] {"serve", "--endpoint", "http://127.0.0.1:1", "--in-memory"})).isEqualTo(2);
  }

  @Test
  void dynamoDbLocal_startsWithoutItsOwnBanner() {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (DynamoDbLocalServer server = DynamoDbLocalServer.inMemory(0)) {
      assertThat(server.port()).isPositive();
    } finally {
      System.setOut(original);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("Port:").doesNotContain("Initializing");
  }

  private static List<Map<String, AttributeValue>> itemsOf(DynamoDbClient dynamo, Tenant tenant) {
    return dynamo.scanPaginator(request -> request.tableName(LocalTable.NAME).consistentRead(true)).items().stream()
        .filter(item -> item.get("pk").s().startsWith(tenant.account() + "#")
            || item.getOrDefault("gsi1pk", AttributeValue.fromS("")).s().contains(tenant.account()))
        .sorted((a, b) -> a.get("pk").s().compareTo(b.get("pk").s()))
        .toList();
  }
}

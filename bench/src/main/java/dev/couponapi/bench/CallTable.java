package dev.couponapi.bench;

import dev.couponapi.ddblocal.DynamoDbLocalServer;
import dev.couponapi.app.App;
import dev.couponapi.http.Operation;
import dev.couponapi.local.LocalTable;
import dev.couponapi.api.ApiVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * DynamoDB calls and consumed capacity per operation, as one client request makes them (the
 * counting tests hold the call budgets; this prints them with capacity). Capacity is what DynamoDB
 * Local reports when asked ({@code ReturnConsumedCapacity=TOTAL}, added by an interceptor here).
 */
public final class CallTable {

  private CallTable() {}

  /** Records operation names and consumed capacity; asks every request for its capacity. */
  static final class Meter implements ExecutionInterceptor {
    final List<String> calls = new ArrayList<>();
    double capacity;

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      SdkRequest request = context.request();
      ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
      if (request instanceof GetItemRequest get) {
        return get.toBuilder().returnConsumedCapacity(total).build();
      } else if (request instanceof PutItemRequest put) {
        return put.toBuilder().returnConsumedCapacity(total).build();
      } else if (request instanceof UpdateItemRequest update) {
        return update.toBuilder().returnConsumedCapacity(total).build();
      } else if (request instanceof DeleteItemRequest delete) {
        return delete.toBuilder().returnConsumedCapacity(total).build();
      } else if (request instanceof QueryRequest query) {
        return query.toBuilder().returnConsumedCapacity(total).build();
      } else if (request instanceof BatchGetItemRequest batch) {
        return batch.toBuilder().returnConsumedCapacity(total).build();
      } else if (request instanceof TransactWriteItemsRequest transaction) {
        return transaction.toBuilder().returnConsumedCapacity(total).build();
      }
      return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      SdkResponse response = context.response();
      response.getValueForField("ConsumedCapacity", Object.class).ifPresent(value -> {
        if (value instanceof ConsumedCapacity single && single.capacityUnits() != null) {
          capacity += single.capacityUnits();
        } else if (value instanceof List<?> list) {
          list.forEach(entry -> {
            if (entry instanceof ConsumedCapacity each && each.capacityUnits() != null) {
              capacity += each.capacityUnits();
            }
          });
        }
      });
    }

    void reset() {
      calls.clear();
      capacity = 0;
    }
  }

  public static void main(String[] args) throws Exception {
    Meter meter = new Meter();
    try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.inMemory(0)) {
      LocalTable.ensure(dynamo.client(), Bench.TABLE);
      // nothing kept between requests, so each row shows what one request reads on its own
      App app = new App(dynamo.client(meter), Bench.TABLE, Clock.systemUTC(), ApiVersion.parse(ApiVersion.FALLBACK),
          dev.couponapi.app.RedemptionSettings.UNCACHED);
      Bench.body(app, app.resource(dev.couponapi.http.CouponResource.class).create(), Bench.event("POST", "/v1/coupons", null, "id=T1&percent_off=10"));
      String code = Bench.id(Bench.body(app, app.resource(dev.couponapi.http.PromotionCodeResource.class).create(), Bench.event("POST", "/v1/promotion_codes",
          null, "promotion[type]=coupon&promotion[coupon]=T1")));
      String customer = Bench.id(Bench.body(app, app.resource(dev.couponapi.http.CustomerResource.class).create(), Bench.event("POST", "/v1/customers", null,
          "name=c")));
      System.out.println("DynamoDB calls and consumed capacity per request (DynamoDB Local, ReturnConsumedCapacity=TOTAL)");
      System.out.printf("%-34s %-62s %8s%n", "operation", "calls", "capacity");
      row(meter, app, "create coupon", app.resource(dev.couponapi.http.CouponResource.class).create(), Bench.event("POST", "/v1/coupons", null, "percent_off=5"));
      row(meter, app, "retrieve coupon", app.resource(dev.couponapi.http.CouponResource.class).retrieve(), Bench.event("GET", "/v1/coupons/T1",
          Map.of("coupon", "T1"), null));
      row(meter, app, "update coupon", app.resource(dev.couponapi.http.CouponResource.class).update(), Bench.event("POST", "/v1/coupons/T1",
          Map.of("coupon", "T1"), "metadata[k]=v"));
      row(meter, app, "list coupons", app.resource(dev.couponapi.http.CouponResource.class).list(), Bench.event("GET", "/v1/coupons", null, null));
      row(meter, app, "create promotion code", app.resource(dev.couponapi.http.PromotionCodeResource.class).create(), Bench.event("POST", "/v1/promotion_codes",
          null, "promotion[type]=coupon&promotion[coupon]=T1"));
      row(meter, app, "retrieve promotion code", app.resource(dev.couponapi.http.PromotionCodeResource.class).retrieve(), Bench.event("GET",
          "/v1/promotion_codes/" + code, Map.of("promotion_code", code), null));
      row(meter, app, "apply coupon to customer", app.resource(dev.couponapi.http.CustomerResource.class).update(), Bench.event("POST",
          "/v1/customers/" + customer, Map.of("customer", customer), "coupon=T1"));
      row(meter, app, "create customer with coupon", app.resource(dev.couponapi.http.CustomerResource.class).create(), Bench.event("POST", "/v1/customers",
          null, "coupon=T1"));
      row(meter, app, "remove customer discount", app.resource(dev.couponapi.http.CustomerResource.class).deleteDiscount(), Bench.event("DELETE",
          "/v1/customers/" + customer + "/discount", Map.of("customer", customer), null));
      row(meter, app, "invoice preview", app.resource(dev.couponapi.http.InvoiceResource.class).createPreview(), Bench.event("POST",
          "/v1/invoices/create_preview", null, "customer=" + customer
              + "&invoice_items[0][amount]=1000&invoice_items[0][currency]=usd&discounts[0][coupon]=T1"));
    }
  }

  private static void row(Meter meter, App app, String name, Operation operation, Map<String, Object> event) {
    meter.reset();
    Bench.body(app, operation, event);
    System.out.printf("%-34s %-62s %8.1f%n", name, String.join(" + ", meter.calls), meter.capacity);
  }
}

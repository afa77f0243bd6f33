package dev.couponapi.testing;

import dev.couponapi.sam.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The IAM policies template.yaml gives each function, and the IAM actions a DynamoDB request
 * needs: a function's test fails when it makes a call its policy would refuse in AWS.
 */
public final class FunctionPolicies {

  /** The table as template.yaml names it in Resource. */
  static final String TABLE = "Table";

  private static SamTemplate template;

  private FunctionPolicies() {}

  /** One IAM permission a request needs: an action on the table or one of its indexes. */
  public record Permission(String action, String resource) {}

  /** The permissions a request needs; a transaction needs the action of each of its items. */
  public static List<Permission> needed(SdkRequest request) {
    List<Permission> needed = new ArrayList<>();
    if (request instanceof QueryRequest query) {
      needed.add(new Permission("dynamodb:Query", query.indexName() == null ? TABLE
          : TABLE + "/index/" + query.indexName()));
    } else if (request instanceof TransactWriteItemsRequest transaction) {
      for (TransactWriteItem item : transaction.transactItems()) {
        needed.add(new Permission(item.put() != null ? "dynamodb:PutItem" : item.update() != null
            ? "dynamodb:UpdateItem" : item.delete() != null ? "dynamodb:DeleteItem" : "dynamodb:ConditionCheckItem",
            TABLE));
      }
    } else {
      // GetItem, PutItem, UpdateItem, DeleteItem, BatchGetItem, and anything else by its own name
      needed.add(new Permission("dynamodb:" + request.getClass().getSimpleName().replace("Request", ""), TABLE));
    }
    return needed;
  }

  /** Fails when {@code functionId}'s policy in template.yaml does not allow the request. */
  public static void check(String functionId, SdkRequest request) {
    SamTemplate.Function function = template().function(functionId);
    for (Permission permission : needed(request)) {
      if (!function.allows(permission.action(), permission.resource())) {
        throw new AssertionError(functionId + " calls " + permission.action() + " on " + permission.resource()
            + ", which its policy in template.yaml does not allow");
      }
    }
  }

  static synchronized SamTemplate template() {
    if (template == null) {
      try {
        template = SamTemplate.load(ProjectHome.path().resolve("template.yaml"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return template;
  }
}

package dev.couponapi.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.app.App;
import dev.couponapi.app.Env;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The floor of the cold-start comparison: the least a DynamoDB-backed handler can do, one PutItem,
 * with the same SDK and HTTP client setup as the real functions ({@link App#dynamoFromEnvironment}).
 */
public final class FloorHandler implements RequestStreamHandler {

  private final DynamoDbClient dynamo = App.dynamoFromEnvironment();
  private final String table = Env.get("TABLE_NAME");

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    input.readAllBytes();
    dynamo.putItem(request -> request.tableName(table).item(Map.of(
        "pk", AttributeValue.fromS("floor#" + System.nanoTime()))));
    output.write("{\"statusCode\":200,\"body\":\"{}\"}".getBytes(StandardCharsets.UTF_8));
  }
}

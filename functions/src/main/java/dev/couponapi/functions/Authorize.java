package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.app.App;
import dev.couponapi.http.Authorizer;
import dev.couponapi.app.Env;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/** The API's Lambda REQUEST authorizer: secret key → account and mode in the request context. */
public final class Authorize implements RequestStreamHandler {

  private final Authorizer authorizer;

  public Authorize() {
    this(App.fromEnvironment());
  }

  public Authorize(App app) {
    this.authorizer = new Authorizer(app.apiKeyStore(), Env.get("DEFAULT_USAGE_KEY"), app.clock());
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    Map<String, Object> event = Json.readObject(input);
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (event.get("headers") instanceof Map<?, ?> map) {
      map.forEach((key, value) -> headers.put(String.valueOf(key), String.valueOf(value)));
    }
    Object methodArn = event.get("methodArn");
    output.write(Json.write(authorizer.authorize(headers.get("Authorization"),
        methodArn == null ? null : methodArn.toString())));
  }
}

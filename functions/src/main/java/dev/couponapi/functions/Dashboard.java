package dev.couponapi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.couponapi.app.App;
import dev.couponapi.http.ApiHandler;
import dev.couponapi.http.DashboardAssets;
import dev.couponapi.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The coupon dashboard's page and files, {@code GET /dashboard/…}, on routes without the
 * authorizer: the page signs in with a key the person pastes and calls the public API with it
 * (docs/dashboard.md). It touches no table.
 */
public final class Dashboard implements RequestStreamHandler {

  private final DashboardAssets assets = new DashboardAssets();

  public Dashboard() {}

  /** The runner's constructor; the dashboard needs nothing of the App. */
  public Dashboard(App app) {}

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    Map<String, Object> event = ApiHandler.readEvent(input);
    Object parameters = event.get("pathParameters");
    Object file = parameters instanceof Map<?, ?> map ? map.get("proxy") : null;
    String path = String.valueOf(event.get("path"));
    output.write(Json.write(assets.serve(file == null ? null : String.valueOf(file), path.endsWith("/"))
        .toProxyResponse()));
  }
}

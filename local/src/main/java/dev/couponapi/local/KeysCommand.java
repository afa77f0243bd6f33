package dev.couponapi.local;

import dev.couponapi.api.ApiVersion;
import dev.couponapi.app.App;
import dev.couponapi.domain.Tenant;
import java.time.Clock;
import java.util.List;

/** {@code keys create}: mints a secret key for an account, in the local table. */
final class KeysCommand implements Command {

  private static final Options.Flag ACCOUNT = Options.value("--account", "acct_...", "the account the key belongs to");
  private static final Options.Flag LIVE = Options.flag("--live", "a live-mode key (default: test mode)");

  public String name() {
    return "keys";
  }

  public String arguments() {
    return "create";
  }

  public List<Options.Flag> options() {
    return List.of(ACCOUNT, LIVE, LocalData.ENDPOINT, LocalData.DATA);
  }

  public int run(Options options, Context context) throws Exception {
    String account = options.value(ACCOUNT.name());
    if (!"create".equals(options.positional(0)) || account == null) {
      throw new Options.UsageError("keys needs: ./run-local keys create --account acct_... [--live]");
    }
    Tenant tenant = new Tenant(account, options.flag(LIVE.name()));
    LocalData.run(options, context, endpoint -> {
      App app = new App(LocalData.client(endpoint), LocalTable.NAME, Clock.systemUTC(),
          ApiVersion.parse(ApiVersion.FALLBACK));
      context.out().println(app.apiKeys().mint(tenant, null));
    });
    return 0;
  }
}

package dev.couponapi.local;

import dev.couponapi.sam.SamTemplate;
import dev.couponapi.wire.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code invoke}: one function with an event file, built as Lambda builds it, as {@code sam local invoke} runs it. */
final class InvokeCommand implements Command {

  private static final Options.Flag EVENT = Options.value("-e", "events/<file>.json", "the event to invoke it with");

  public String name() {
    return "invoke";
  }

  public String arguments() {
    return "<FunctionLogicalId>";
  }

  public List<Options.Flag> options() {
    return List.of(EVENT, LocalData.ENDPOINT, LocalData.DATA);
  }

  public int run(Options options, Context context) throws Exception {
    String functionId = options.positional(0);
    String eventFile = options.value(EVENT.name());
    if (functionId == null || eventFile == null) {
      throw new Options.UsageError("invoke needs a function and an event: ./run-local invoke <FunctionLogicalId> -e "
          + "events/<file>.json");
    }
    SamTemplate template = SamTemplate.load(context.home().resolve("template.yaml"));
    template.function(functionId);
    byte[] event;
    try {
      event = Files.readAllBytes(Path.of(eventFile));
      Json.readObject(new String(event, StandardCharsets.UTF_8));
    } catch (NoSuchFileException missing) {
      throw new Options.UsageError("no event file " + eventFile);
    } catch (RuntimeException notJson) {
      throw new Options.UsageError(eventFile + " is not a JSON event");
    }
    LocalData.run(options, context, endpoint -> {
      System.setProperty("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString());
      if (LocalData.isLoopback(endpoint)) {
        // DynamoDB Local and LocalStack take any credentials; real AWS gets the environment's
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
      }
      FunctionHost host = FunctionHost.fromEnvironment(template, Map.of("Table", LocalTable.NAME));
      context.out().println(new String(host.invokeRaw(functionId, event), StandardCharsets.UTF_8));
    });
    return 0;
  }
}

package dev.couponapi.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, where template.yaml and events/ are (surefire passes it as couponapi.home). */
public final class ProjectHome {

  private ProjectHome() {}

  public static Path path() {
    String configured = System.getProperty("couponapi.home");
    if (configured != null && Files.exists(Path.of(configured, "template.yaml"))) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}

package dev.couponapi.service;

import dev.couponapi.api.ApiException;
import dev.couponapi.api.Errors;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The rules a webhook URL must meet (docs/events.md, "URLs"): absolute http(s), at most 2048
 * characters, no credentials; https in live mode; and, unless the deployment allows them, no
 * loopback, private, link-local (the metadata range included), unique-local or unspecified
 * address, checked on the URL as given and again on every address its name resolves to at delivery.
 */
public final class WebhookUrls {

  public static final int MAX_LENGTH = 2048;

  private final boolean allowPrivate;

  public WebhookUrls(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** The URL's refusal for an endpoint of this mode, or null when it is acceptable. */
  public ApiException refusal(String url, boolean livemode) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException malformed) {
      return invalid("Invalid URL: must be an absolute http or https URL.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (url.length() > MAX_LENGTH) {
      return invalid("Invalid URL: must be at most " + MAX_LENGTH + " characters.");
    }
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return invalid("Invalid URL: must be an absolute http or https URL.");
    }
    if (uri.getRawUserInfo() != null) {
      return invalid("Invalid URL: must not contain credentials.");
    }
    if (livemode && !scheme.equals("https")) {
      return invalid("Invalid URL: live mode requires an https URL.");
    }
    if (!allowPrivate && namesPrivateHost(uri.getHost())) {
      return invalid("Invalid URL: must be publicly reachable; loopback, private and link-local addresses are refused.");
    }
    return null;
  }

  /** Whether a delivery may connect to this resolved address. */
  public boolean mayConnect(InetAddress address) {
    return allowPrivate || !isPrivate(address);
  }

  private static boolean namesPrivateHost(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return true;
    }
    String literal = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
      return false; // a name: judged on its addresses at delivery
    }
    try {
      return isPrivate(InetAddress.getByName(literal));
    } catch (UnknownHostException notAnAddress) {
      return true;
    }
  }

  static boolean isPrivate(InetAddress address) {
    if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
        || address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
    }
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    return first == 0 || (first == 100 && second >= 64 && second <= 127) // 0/8, carrier-grade NAT
        || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0); // IETF protocol assignments
  }

  private static ApiException invalid(String message) {
    return Errors.invalid("url", message);
  }
}

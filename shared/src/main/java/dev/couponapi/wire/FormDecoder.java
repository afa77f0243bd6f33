package dev.couponapi.wire;

import dev.couponapi.api.SafeText;
import dev.couponapi.api.ApiException;
import dev.couponapi.api.Errors;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns form pairs in Stripe's bracket notation into a tree (docs/api.md §1.1). Values in the tree are
 * {@code String}, {@code Map<String,Object>} (nested maps and indexed arrays {@code a[0]}, whose keys
 * stay strings until a schema says the node is an array) or {@code List<Object>} (append arrays
 * {@code a[]}). Duplicate scalars: the last occurrence wins.
 */
public final class FormDecoder {

  static final int MAX_PAIRS = 2000;
  static final int MAX_DEPTH = 8;
  static final int MAX_NAME_LENGTH = 1000;

  private FormDecoder() {}

  /** A decoded name/value pair, before bracket parsing. */
  public record Pair(String name, String value) {}

  /** Splits and percent-decodes an {@code application/x-www-form-urlencoded} body. */
  public static List<Pair> parseUrlEncoded(String body) {
    List<Pair> pairs = new ArrayList<>();
    if (body == null || body.isEmpty()) {
      return pairs;
    }
    for (String part : body.split("&", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      pairs.add(new Pair(percentDecode(name), percentDecode(value)));
    }
    return pairs;
  }

  /** Builds the parameter tree; later pairs override earlier scalars. */
  public static Map<String, Object> toTree(List<Pair> pairs) {
    if (pairs.size() > MAX_PAIRS) {
      throw Errors.invalid(null, "Too many parameters: at most " + MAX_PAIRS + " are accepted.");
    }
    Map<String, Object> root = new LinkedHashMap<>();
    for (Pair pair : pairs) {
      insert(root, pair.name(), segments(pair.name()), pair.value());
    }
    return root;
  }

  private static List<String> segments(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw badName(name);
    }
    int open = name.indexOf('[');
    List<String> segments = new ArrayList<>();
    String head = open < 0 ? name : name.substring(0, open);
    if (head.isEmpty() || head.indexOf(']') >= 0) {
      throw badName(name);
    }
    segments.add(head);
    int at = open;
    while (at >= 0 && at < name.length()) {
      if (name.charAt(at) != '[') {
        throw badName(name);
      }
      int close = name.indexOf(']', at);
      if (close < 0) {
        throw badName(name);
      }
      String segment = name.substring(at + 1, close);
      if (segment.indexOf('[') >= 0) {
        throw badName(name);
      }
      segments.add(segment);
      at = close + 1;
    }
    if (segments.size() > MAX_DEPTH) {
      throw Errors.invalid(segments.get(0), "Parameters are nested too deeply: " + SafeText.clip(name));
    }
    return segments;
  }

  @SuppressWarnings("unchecked")
  private static void insert(Map<String, Object> root, String name, List<String> segments, String value) {
    Object container = root;
    String path = segments.get(0);
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      String nextSegment = last ? null : segments.get(i + 1);
      Object child = last ? value : (nextSegment.isEmpty() ? new ArrayList<>() : new LinkedHashMap<String, Object>());
      if (container instanceof List<?> list) {
        if (!segment.isEmpty()) {
          throw conflict(path);
        }
        if (!last && !(child instanceof String)) {
          // a[][x] would need an index to group its keys (docs/api.md §1.1: arrays of objects are indexed)
          throw Errors.invalid(path, "Arrays of objects must use indexed notation, as in " + path + "[0][key]: " + SafeText.clip(name));
        }
        ((List<Object>) list).add(child);
        container = child;
      } else {
        Map<String, Object> map = (Map<String, Object>) container;
        if (segment.isEmpty()) {
          throw conflict(path);
        }
        Object existing = map.get(segment);
        if (last) {
          if (existing != null && !(existing instanceof String)) {
            throw conflict(i == 0 ? segment : path + "[" + segment + "]");
          }
          map.put(segment, value);
        } else if (existing == null) {
          map.put(segment, child);
          container = child;
        } else if (existing.getClass() == child.getClass()) {
          container = existing;
        } else {
          throw conflict(i == 0 ? segment : path + "[" + segment + "]");
        }
      }
      if (i > 0) {
        path = path + "[" + segment + "]";
      }
    }
  }

  private static ApiException conflict(String param) {
    return Errors.invalid(param, "Invalid parameters: '" + SafeText.clip(param)
        + "' was given both as a value and as a hash or array, or mixes [] and [n] indexes.");
  }

  private static ApiException badName(String name) {
    return Errors.invalid(null, "Invalid parameter name: '" + SafeText.clip(name) + "'. Nested parameters use "
        + "bracket notation, as in metadata[key]=value or expand[]=field.");
  }


  /** Strict decoding: '+' is a space, '%XX' a byte, bytes must be UTF-8. */
  static String percentDecode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= text.length()) {
          throw malformed();
        }
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw malformed();
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
          encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(encoded);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed();
    }
  }

  private static ApiException malformed() {
    return Errors.invalid(null, "Invalid request body: malformed percent-encoding or invalid UTF-8 in form data.");
  }
}

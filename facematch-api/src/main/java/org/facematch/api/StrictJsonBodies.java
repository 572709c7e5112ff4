package org.facematch.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/**
 * Every JSON request body passes here before it is bound: at most {@link #MAX_BODY_BYTES} (refused
 * from its {@code Content-Length} before a byte is read, else after the first byte too many),
 * UTF-8, one JSON object and nothing after it, no key twice in an object, at most {@link
 * #MAX_DEPTH} levels deep. JSON-B would take the last of two duplicate keys, ignore what follows
 * the object and bind an array's first element; "nothing is coerced" means refusing all of that.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class StrictJsonBodies implements ReaderInterceptor {

  /** Two base64 images of 5 MB each (the verify request) and room for the rest of the JSON. */
  public static final int MAX_BODY_BYTES = 2 * ((5 * 1024 * 1024 + 2) / 3 * 4) + 64 * 1024;

  public static final int MAX_DEPTH = 32;

  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  @Inject LargeBodyPermit permit;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
      return context.proceed();
    }
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
      throw malformed("Send the body as UTF-8 JSON; charset " + charset + " is not accepted");
    }
    String header = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
    long length =
        header != null
                && !header.isEmpty()
                && header.length() < 19
                && header.chars().allMatch(Character::isDigit)
            ? Long.parseLong(header)
            : -1;
    if (length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    if (length < 0 || length > LargeBodyPermit.LARGE_BODY_BYTES) {
      permit.acquire();
    }
    byte[] body = readAtMost(context.getInputStream());
    if (body.length > 0) {
      check(body);
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  /**
   * The parser would put U+FFFD in place of bytes that are not UTF-8: refuse them instead. Decodes
   * into one small buffer, so a 13 MB body is not copied into a string first.
   */
  static void requireUtf8(byte[] body) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        throw malformed("The request body is not valid UTF-8");
      }
      if (result.isUnderflow()) {
        return;
      }
      out.clear();
    }
  }

  /** Refuses anything but one well-formed JSON object without duplicate keys. */
  static void check(byte[] body) {
    requireUtf8(body);
    try (JsonParser parser =
        PARSERS.createParser(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw malformed("The request body must be one JSON object");
      }
      Deque<Set<String>> keys = new ArrayDeque<>();
      keys.push(new HashSet<>());
      int depth = 1;
      while (depth > 0) {
        switch (parser.next()) {
          case START_OBJECT -> {
            depth = deeper(depth);
            keys.push(new HashSet<>());
          }
          case START_ARRAY -> {
            depth = deeper(depth);
            keys.push(Set.of());
          }
          case END_OBJECT, END_ARRAY -> {
            depth--;
            keys.pop();
          }
          case KEY_NAME -> {
            if (!keys.peek().add(parser.getString())) {
              throw malformed("The key \"" + parser.getString() + "\" appears twice in one object");
            }
          }
          default -> {}
        }
      }
      if (parser.hasNext()) {
        throw malformed("Nothing may follow the request's JSON object");
      }
    } catch (JsonParsingException | java.util.NoSuchElementException e) {
      throw malformed("The request body is not valid JSON");
    }
  }

  private static int deeper(int depth) {
    if (depth >= MAX_DEPTH) {
      throw malformed("The request body nests deeper than " + MAX_DEPTH + " levels");
    }
    return depth + 1;
  }

  /**
   * A body that ends before its Content-Length (the client stopped sending) is the client's
   * mistake.
   */
  private static byte[] readAtMost(InputStream in) {
    byte[] body;
    try {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw malformed("The request body ended before its announced length");
    }
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    return body;
  }

  private static FaceMatchException tooLarge() {
    return new FaceMatchException(
        Problem.PAYLOAD_TOO_LARGE,
        "A request body may hold at most " + MAX_BODY_BYTES / (1024 * 1024) + " MB");
  }

  private static FaceMatchException malformed(String detail) {
    return new FaceMatchException(Problem.MALFORMED_REQUEST, detail);
  }
}

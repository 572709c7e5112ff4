package org.facematch.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * The API speaks snake_case JSON, as the seed specification does, and is strict about types: {@code
 * "session_id": 42} or {@code "threshold": "0.9"} is a malformed request, not something to coerce
 * silently.
 */
@Provider
public class JsonConfiguration implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withDeserializers(new StrictString(), new StrictInteger(), new StrictDouble()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  static final class StrictString implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext ctx, Type type) {
      if (!(parser.getValue() instanceof jakarta.json.JsonString string)) {
        throw new JsonbException("Expected a JSON string");
      }
      return string.getString();
    }
  }

  static final class StrictInteger implements JsonbDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext ctx, Type type) {
      if (!(parser.getValue() instanceof jakarta.json.JsonNumber number) || !number.isIntegral()) {
        throw new JsonbException("Expected a JSON integer");
      }
      return number.bigDecimalValue().intValueExact();
    }
  }

  static final class StrictDouble implements JsonbDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser parser, DeserializationContext ctx, Type type) {
      if (!(parser.getValue() instanceof jakarta.json.JsonNumber number)) {
        throw new JsonbException("Expected a JSON number");
      }
      return number.doubleValue();
    }
  }
}

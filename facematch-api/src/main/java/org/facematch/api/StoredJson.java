package org.facematch.api;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** JSON kept as text (a face's metadata), answered as JSON again: null when none was kept. */
public final class StoredJson {

  private StoredJson() {}

  public static JsonValue of(String text) {
    if (text == null) {
      return JsonValue.NULL;
    }
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}

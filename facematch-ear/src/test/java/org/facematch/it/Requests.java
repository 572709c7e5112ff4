package org.facematch.it;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** JSON bodies of the API's requests. */
final class Requests {

  private Requests() {}

  static String verify(byte[] source, byte[] target) {
    return Json.createObjectBuilder()
        .add("image_format", "base64")
        .add("source_image", Photos.base64(source))
        .add("target_image", Photos.base64(target))
        .build()
        .toString();
  }

  static JsonObjectBuilder register(byte[] image, String session) {
    return Json.createObjectBuilder()
        .add("image_format", "base64")
        .add("image", Photos.base64(image))
        .add("session_id", session);
  }

  static JsonObjectBuilder search(byte[] image) {
    return Json.createObjectBuilder()
        .add("image_format", "base64")
        .add("image", Photos.base64(image));
  }

  static String blacklist(String faceId, String reason) {
    return Json.createObjectBuilder()
        .add("face_id", faceId)
        .add("reason", reason)
        .build()
        .toString();
  }
}

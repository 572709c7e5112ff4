package org.facematch.collection.boundary;

/** What the collection checks of a face's metadata, a client's JSON text kept as it was sent. */
final class Metadata {

  private Metadata() {}

  /**
   * How deeply objects and arrays nest in well-formed JSON text; brackets in strings do not count.
   */
  static int depth(String json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return deepest;
  }
}

package org.facematch.engine.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The face engines a tenant may choose. The API and the seed call this choice the tenant's {@code
 * model_version}; the id is stored with the tenant and with every face it enrolled. It is not the
 * model an engine reports behind its scores ({@code FaceEngine#modelId}, Rekognition's
 * FaceModelVersion).
 */
public enum EngineChoice {
  /** The embedded ONNX engine, the default. */
  LOCAL("faceplugin-0.0.1", "Local engine (faceplugin-0.0.1)"),
  /** AWS Rekognition. */
  REKOGNITION("rekognition", "AWS Rekognition");

  private final String id;
  private final String label;

  EngineChoice(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  /** The ids offered to tenant admins, default first. */
  public static List<String> offered() {
    return Arrays.stream(values()).map(EngineChoice::id).toList();
  }

  public static Optional<EngineChoice> byId(String id) {
    return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
  }

  public static String label(String id) {
    return Arrays.stream(values())
        .filter(v -> v.id.equals(id))
        .findFirst()
        .map(v -> v.label)
        .orElse(id);
  }
}

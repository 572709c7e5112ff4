package org.facematch.tenant.entity;

import java.util.Arrays;
import java.util.List;

/** The face engines a tenant may choose as its {@code model_version}; the ids are stored. */
public enum ModelVersion {
  /** The embedded ONNX engine, the default. */
  LOCAL("faceplugin-0.0.1", "Local engine (faceplugin-0.0.1)"),
  /** AWS Rekognition. */
  REKOGNITION("rekognition", "AWS Rekognition");

  private final String id;
  private final String label;

  ModelVersion(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  /** The ids offered to tenant admins, default first. */
  public static List<String> offered() {
    return Arrays.stream(values()).map(ModelVersion::id).toList();
  }

  public static String label(String id) {
    return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst().map(v -> v.label).orElse(id);
  }
}

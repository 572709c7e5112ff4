package org.facematch.api.collection;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.facematch.collection.entity.RegisteredFace;

public record RegisterResponse(
    String faceId,
    String rekognitionFaceId,
    @JsonbProperty("s3_key") String s3Key,
    double quality,
    List<String> warnings,
    String message) {

  static RegisterResponse from(RegisteredFace face) {
    return new RegisterResponse(
        face.faceId(),
        face.engineFaceId(),
        face.s3Key(),
        Math.round(face.quality() * 1000) / 1000.0,
        face.warnings().stream().map(Enum::name).toList(),
        "Face registered");
  }
}

package org.facematch.engine.control;

import java.util.List;
import org.facematch.engine.entity.DetectedFace;
import org.facematch.engine.entity.Embedding;
import org.facematch.engine.entity.FaceAnalysis;
import org.facematch.engine.entity.Similarity;

/**
 * The face engine seam. Implementations translate between these domain types and one engine
 * (the local ONNX models, AWS Rekognition); nothing engine-specific crosses it.
 */
public interface FaceEngine {

  /** The model this engine's templates and scores belong to, e.g. {@code faceplugin-0.0.1}. */
  String modelId();

  /** Every face found, largest first. */
  List<DetectedFace> detect(DecodedImage image);

  /**
   * The subject of the image (the largest confident face) with its template.
   *
   * @throws org.facematch.problem.entity.FaceMatchException {@code NO_FACE_DETECTED} or {@code
   *     FACE_TOO_SMALL}
   */
  FaceAnalysis analyze(DecodedImage image);

  /** Calibrated similarity of two templates of this engine's model. */
  Similarity compare(Embedding a, Embedding b);

  /** The calibrated similarity of one of this engine's raw scores (for index hits). */
  Similarity similarity(double raw);

  /** The raw score a calibrated threshold stands for (to search an index by raw score). */
  double rawFor(double threshold);
}

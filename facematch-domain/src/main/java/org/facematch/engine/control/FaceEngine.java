package org.facematch.engine.control;

import org.facematch.engine.entity.Comparison;
import org.facematch.engine.entity.EngineChoice;
import org.facematch.engine.entity.EngineCollection;
import org.facematch.engine.entity.Enrolment;
import org.facematch.engine.entity.ProbeResult;
import org.facematch.image.control.EngineImage;

/**
 * The face engine seam: what the product asks of an engine, in images and domain types. Each engine
 * keeps its own per-tenant collection (the local engine a search index of templates on this node's
 * disk, Rekognition a collection in AWS); nothing engine-specific crosses this interface.
 *
 * <p>Every method may throw {@link org.facematch.kernel.entity.FaceMatchException}: {@code
 * NO_FACE_DETECTED}, {@code FACE_TOO_SMALL}, {@code INVALID_IMAGE}, {@code IMAGE_TOO_LARGE}, {@code
 * RATE_LIMITED} or {@code ENGINE_UNAVAILABLE}.
 */
public interface FaceEngine {

  /** The choice that selects this engine; its id is stored with every face the engine enrolled. */
  EngineChoice choice();

  /** 1:1: the subject of the source against the faces of the target. */
  Comparison compare(EngineImage source, EngineImage target);

  /**
   * Analyses the image's subject for the tenant's collection under our face id. A remote engine
   * (Rekognition) adds it to its collection at once, and the caller undoes that with {@link
   * #forget} if its transaction fails; the local engine's index takes the face only once the
   * registration has committed ({@link org.facematch.kernel.entity.FaceEvent.Registered}).
   */
  Enrolment enrol(String tenant, EngineImage image, String faceId);

  /** 1:N: the tenant's faces whose calibrated similarity is at least minScore, best first. */
  ProbeResult search(String tenant, EngineImage image, double minScore, int maxCandidates);

  /**
   * Removes a face from the engine's remote collection, before the removal commits; forgetting an
   * unknown face is not an error. The local index drops it on {@link
   * org.facematch.kernel.entity.FaceEvent.Removed} instead.
   */
  void forget(String tenant, String faceId, String engineFaceId);

  /** The tenant's collection as the engine sees it. */
  EngineCollection collection(String tenant);
}

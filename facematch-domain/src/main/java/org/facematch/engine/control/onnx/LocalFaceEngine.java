package org.facematch.engine.control.onnx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Future;
import org.facematch.engine.control.FaceEngine;
import org.facematch.engine.control.index.EmbeddingIndex;
import org.facematch.engine.entity.Comparison;
import org.facematch.engine.entity.EngineChoice;
import org.facematch.engine.entity.EngineCollection;
import org.facematch.engine.entity.Enrolment;
import org.facematch.engine.entity.FaceAnalysis;
import org.facematch.engine.entity.ProbeResult;
import org.facematch.image.control.EngineImage;

/**
 * The embedded default engine: the ONNX models make the templates, and each tenant's collection is
 * this node's index of them ({@link EmbeddingIndex}), which follows the tenant's change log: it
 * takes a face once its registration has committed and drops it once its removal has, so it never
 * holds a face whose registration rolled back nor loses one whose removal did.
 */
@ApplicationScoped
public class LocalFaceEngine implements FaceEngine {

  static final String ID = EngineChoice.LOCAL.id();

  @Inject OnnxFaceModel model;
  @Inject EmbeddingIndex index;

  @Override
  public EngineChoice choice() {
    return EngineChoice.LOCAL;
  }

  /**
   * The two images are decoded and analysed at the same time on two engine threads, which halves a
   * lone verify's latency. Stored images are read here first, so no engine thread waits for the
   * bucket. The source's problem is reported first, as if they ran one after the other.
   */
  @Override
  public Comparison compare(EngineImage source, EngineImage target) {
    source.bytes();
    target.bytes();
    Future<FaceAnalysis> first = model.analyzeLater(source::decoded);
    Future<FaceAnalysis> second = model.analyzeLater(target::decoded);
    FaceAnalysis a;
    try {
      a = model.await(first);
    } catch (RuntimeException sourceFailure) {
      second.cancel(false);
      throw sourceFailure;
    }
    FaceAnalysis b = model.await(second);
    return new Comparison(
        model.compare(a.embedding(), b.embedding()),
        Math.min(a.subject().detectionScore(), b.subject().detectionScore()),
        a.warnings(),
        b.warnings());
  }

  @Override
  public Enrolment enrol(String tenant, EngineImage image, String faceId) {
    FaceAnalysis analysis = model.analyze(image.decoded());
    return new Enrolment(
        faceId,
        analysis.embedding().toBytes(),
        analysis.subject().quality().score(),
        analysis.warnings());
  }

  @Override
  public ProbeResult search(String tenant, EngineImage image, double minScore, int maxCandidates) {
    FaceAnalysis probe = model.analyze(image.decoded());
    List<ProbeResult.Candidate> candidates =
        index
            .search(tenant, probe.embedding().vector(), model.rawFor(minScore), maxCandidates)
            .stream()
            .map(hit -> new ProbeResult.Candidate(hit.faceId(), model.similarity(hit.cosine())))
            .filter(c -> c.similarity().score() >= minScore)
            .limit(maxCandidates)
            .toList();
    return new ProbeResult(
        candidates, probe.faceCount(), probe.subject().detectionScore(), probe.warnings());
  }

  /**
   * Nothing to do before the removal commits: the index drops the face once the change log has it.
   */
  @Override
  public void forget(String tenant, String faceId, String engineFaceId) {}

  /** The database's count is the truth: the index may hold a registration that is rolling back. */
  @Override
  public EngineCollection collection(String tenant) {
    return new EngineCollection(OptionalLong.empty(), OnnxFaceModel.MODEL_ID);
  }
}

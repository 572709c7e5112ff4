package org.facematch.matching.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.facematch.audit.boundary.Audited;
import org.facematch.audit.entity.Operation;
import org.facematch.collection.boundary.FaceImageLinks;
import org.facematch.collection.entity.Face;
import org.facematch.collection.entity.FaceImageAccess;
import org.facematch.collection.entity.FaceSummary;
import org.facematch.engine.control.FaceEngine;
import org.facematch.engine.control.FaceEngines;
import org.facematch.engine.control.TakesEngineTurn;
import org.facematch.engine.entity.Comparison;
import org.facematch.engine.entity.ProbeResult;
import org.facematch.engine.entity.QualityWarning;
import org.facematch.engine.entity.Similarity;
import org.facematch.image.control.EngineImage;
import org.facematch.image.control.ImageLoader;
import org.facematch.image.entity.ImageInput;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;
import org.facematch.kernel.entity.TenantSettings;
import org.facematch.matching.control.SearchRules;
import org.facematch.matching.entity.ImageWarning;
import org.facematch.matching.entity.ReportWarning;
import org.facematch.matching.entity.SearchMatch;
import org.facematch.matching.entity.SearchReport;
import org.facematch.matching.entity.SearchStatus;
import org.facematch.matching.entity.Verification;
import org.facematch.review.boundary.Reviews;
import org.facematch.review.entity.SuspectedMatch;

/** 1:1 verification and 1:N search against a tenant's collection. */
@Stateless
public class Matches {

  public static final int DEFAULT_MAX_RESULTS = 10;
  public static final int MAX_RESULTS = 100;

  /** Faces the engine is asked for at most: the report's rules look past the listed matches. */
  static final int MAX_CANDIDATES = 1000;

  @PersistenceContext EntityManager em;
  @Inject FaceEngines engines;
  @Inject ImageLoader images;
  @Inject Reviews reviews;
  @Inject FaceImageLinks imageLinks;

  @Audited(Operation.VERIFY)
  @TakesEngineTurn
  public Verification verify(
      Caller caller, ImageInput source, ImageInput target, Optional<Double> threshold) {
    TenantSettings settings = caller.enabledSettings();
    TenantId tenantId = caller.tenant();
    double t = threshold(threshold, settings.verificationThreshold());
    FaceEngine engine = engines.of(settings.modelVersion());
    Comparison comparison =
        engine.compare(
            images.load(tenantId, source, "source_image"),
            images.load(tenantId, target, "target_image"));
    List<ImageWarning> warnings = new ArrayList<>();
    comparison.sourceWarnings().forEach(w -> warnings.add(new ImageWarning(w, "source")));
    comparison.targetWarnings().forEach(w -> warnings.add(new ImageWarning(w, "target")));
    Similarity similarity = comparison.similarity();
    return new Verification(
        similarity.score() >= t, similarity, t, comparison.confidence(), List.copyOf(warnings));
  }

  /**
   * Searches the tenant's collection. The engine finds the candidates; the database says which
   * session each belongs to and whether it is blacklisted, so the report's rules read the same
   * facts whatever the engine.
   */
  @Audited(Operation.SEARCH)
  @TakesEngineTurn
  public SearchReport search(
      Caller caller,
      ImageInput image,
      Optional<Integer> maxResults,
      Optional<Double> threshold,
      Optional<String> sessionId) {
    TenantSettings settings = caller.enabledSettings();
    TenantId tenantId = caller.tenant();
    double t = threshold(threshold, settings.searchThreshold());
    int limit = maxResults.orElse(DEFAULT_MAX_RESULTS);
    if (limit < 1 || limit > MAX_RESULTS) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "max_results must be between 1 and " + MAX_RESULTS);
    }
    FaceEngine engine = engines.of(settings.modelVersion());
    double floor = Math.min(t, settings.verificationThreshold());
    EngineImage probeImage = images.load(tenantId, image, "image");
    ProbeResult probe = engine.search(tenantId.value(), probeImage, floor, MAX_CANDIDATES);
    Map<String, FaceSummary> summaries = summaries(tenantId, probe.candidates());
    List<SearchRules.Hit> hits = new ArrayList<>();
    for (ProbeResult.Candidate candidate : probe.candidates()) {
      FaceSummary face = summaries.get(candidate.faceId()); // none: deleted, or not committed yet
      if (face != null && candidate.similarity().score() >= floor) {
        hits.add(
            new SearchRules.Hit(
                face.faceId(),
                face.sessionId(),
                face.blacklisted(),
                candidate.similarity().score()));
      }
    }
    List<SearchRules.Hit> matching = hits.stream().filter(h -> h.score() >= t).toList();
    List<SearchRules.Hit> listed = matching.subList(0, Math.min(limit, matching.size()));
    Map<String, FaceImageAccess.Link> links =
        listed.isEmpty() || !imageLinks.enabled()
            ? Map.of()
            : imageLinks
                .issue(caller, listed.stream().map(h -> summaries.get(h.faceId())).toList())
                .links();
    List<SearchMatch> matches = new ArrayList<>();
    for (SearchRules.Hit h : listed) {
      FaceSummary face = summaries.get(h.faceId());
      FaceImageAccess.Link link = links.get(face.faceId());
      matches.add(
          new SearchMatch(
              face.faceId(),
              face.sessionId(),
              h.score(),
              face.metadata(),
              face.blacklisted(),
              face.blacklistReason(),
              face.registeredAt(),
              link == null
                  ? Optional.empty()
                  : Optional.of(new SearchMatch.MatchImage(link.url(), link.expiresAt()))));
    }
    List<QualityWarning> quality =
        probe.warnings().stream()
            .filter(w -> w != QualityWarning.MULTIPLE_FACES_DETECTED || probe.faceCount() > 1)
            .toList();
    List<ReportWarning> findings =
        SearchRules.findings(hits, t, settings.verificationThreshold(), sessionId, quality);
    SearchStatus status = SearchRules.status(findings);
    if (status != SearchStatus.APPROVED) {
      // risky searches wait in the console's review queue
      SearchRules.suspect(hits, t, settings.verificationThreshold(), sessionId)
          .ifPresent(
              s ->
                  reviews.open(
                      tenantId,
                      new SuspectedMatch(
                          status.label(),
                          s.risk(),
                          s.hit().faceId(),
                          s.hit().sessionId(),
                          s.hit().score()),
                      probeImage));
    }
    return new SearchReport(status, matches, matching.size(), t, probe.faceCount(), findings);
  }

  private Map<String, FaceSummary> summaries(
      TenantId tenantId, List<ProbeResult.Candidate> candidates) {
    if (candidates.isEmpty()) {
      return Map.of();
    }
    return em.createNamedQuery(Face.SUMMARIES, FaceSummary.class)
        .setParameter("tenantId", tenantId.value())
        .setParameter("ids", candidates.stream().map(ProbeResult.Candidate::faceId).toList())
        .getResultStream()
        .collect(Collectors.toMap(FaceSummary::faceId, Function.identity()));
  }

  private static double threshold(Optional<Double> requested, double tenantDefault) {
    double t = requested.orElse(tenantDefault);
    if (!(t >= 0 && t <= 1)) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "threshold must be between 0 and 1");
    }
    return t;
  }
}

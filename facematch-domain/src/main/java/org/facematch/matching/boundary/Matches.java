package org.facematch.matching.boundary;

import jakarta.annotation.security.RolesAllowed;
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
import org.facematch.audit.boundary.AuditTrail;
import org.facematch.audit.boundary.CallAudit;
import org.facematch.collection.control.EmbeddingIndex;
import org.facematch.collection.control.ImageLoader;
import org.facematch.collection.entity.Face;
import org.facematch.collection.entity.FaceHit;
import org.facematch.collection.entity.FaceSummary;
import org.facematch.collection.entity.ImageInput;
import org.facematch.engine.control.FaceEngine;
import org.facematch.engine.entity.FaceAnalysis;
import org.facematch.engine.entity.QualityWarning;
import org.facematch.engine.entity.Similarity;
import org.facematch.matching.control.SearchRules;
import org.facematch.matching.entity.ImageWarning;
import org.facematch.matching.entity.ReportWarning;
import org.facematch.matching.entity.SearchMatch;
import org.facematch.matching.entity.SearchReport;
import org.facematch.matching.entity.Verification;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.review.boundary.Reviews;
import org.facematch.tenant.boundary.Tenants;
import org.facematch.tenant.entity.Roles;
import org.facematch.tenant.entity.TenantId;
import org.facematch.tenant.entity.TenantSettings;

/** 1:1 verification and 1:N search against a tenant's collection. */
@Stateless
public class Matches {

  public static final int DEFAULT_MAX_RESULTS = 10;
  public static final int MAX_RESULTS = 100;

  @PersistenceContext EntityManager em;
  @Inject Tenants tenants;
  @Inject FaceEngine engine;
  @Inject ImageLoader images;
  @Inject EmbeddingIndex index;
  @Inject AuditTrail audit;
  @Inject CallAudit call;
  @Inject Reviews reviews; // issue 6: review queue

  @RolesAllowed(Roles.KYC_READ)
  public Verification verify(TenantId tenantId, ImageInput source, ImageInput target, Optional<Double> threshold) {
    TenantSettings settings = tenants.requireEnabled(tenantId);
    double t = threshold(threshold, settings.verificationThreshold());
    FaceAnalysis a = engine.analyze(images.load(tenantId, source, "source_image").image());
    FaceAnalysis b = engine.analyze(images.load(tenantId, target, "target_image").image());
    Similarity similarity = engine.compare(a.embedding(), b.embedding());
    List<ImageWarning> warnings = new ArrayList<>();
    a.warnings().forEach(w -> warnings.add(new ImageWarning(w, "source")));
    b.warnings().forEach(w -> warnings.add(new ImageWarning(w, "target")));
    call.similarity(similarity.score());
    audit.succeeded();
    return new Verification(
        similarity.score() >= t,
        similarity,
        t,
        Math.min(a.subject().detectionScore(), b.subject().detectionScore()),
        List.copyOf(warnings));
  }

  @RolesAllowed(Roles.KYC_READ)
  public SearchReport search(
      TenantId tenantId, ImageInput image, Optional<Integer> maxResults, Optional<Double> threshold, Optional<String> sessionId) {
    TenantSettings settings = tenants.requireEnabled(tenantId);
    double t = threshold(threshold, settings.searchThreshold());
    int limit = maxResults.orElse(DEFAULT_MAX_RESULTS);
    if (limit < 1 || limit > MAX_RESULTS) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "max_results must be between 1 and " + MAX_RESULTS);
    }
    FaceAnalysis probe = engine.analyze(images.load(tenantId, image, "image").image());
    double floor = Math.min(t, settings.verificationThreshold());
    List<SearchRules.Hit> hits = new ArrayList<>();
    for (FaceHit hit : index.search(tenantId.value(), engine.modelId(), probe.embedding().vector(), engine.rawFor(floor))) {
      double score = engine.similarity(hit.cosine()).score();
      if (score >= floor) {
        hits.add(new SearchRules.Hit(hit.faceId(), hit.sessionId(), hit.blacklisted(), score));
      }
    }
    List<SearchRules.Hit> matching = hits.stream().filter(h -> h.score() >= t).toList();
    List<SearchRules.Hit> listed = matching.subList(0, Math.min(limit, matching.size()));
    List<SearchMatch> matches = describe(tenantId, listed);
    List<QualityWarning> quality =
        probe.warnings().stream().filter(w -> w != QualityWarning.MULTIPLE_FACES_DETECTED || probe.faceCount() > 1).toList();
    List<ReportWarning> findings =
        SearchRules.findings(hits, t, settings.verificationThreshold(), sessionId, quality);
    listed.forEach(h -> call.face(h.faceId()));
    if (!listed.isEmpty()) {
      call.similarity(listed.get(0).score());
    }
    String status = SearchRules.status(findings);
    call.details("status: " + status);
    SearchReport report = new SearchReport(status, matches, matching.size(), t, probe.faceCount(), findings);
    reviews.consider(tenantId, report, image); // issue 6: risky searches go to the console's review queue
    audit.succeeded();
    return report;
  }

  private List<SearchMatch> describe(TenantId tenantId, List<SearchRules.Hit> hits) {
    if (hits.isEmpty()) {
      return List.of();
    }
    Map<String, FaceSummary> summaries =
        em.createNamedQuery(Face.SUMMARIES, FaceSummary.class)
            .setParameter("tenantId", tenantId.value())
            .setParameter("ids", hits.stream().map(SearchRules.Hit::faceId).toList())
            .getResultStream()
            .collect(Collectors.toMap(FaceSummary::faceId, Function.identity()));
    return hits.stream()
        .filter(h -> summaries.containsKey(h.faceId())) // deleted since the index was read
        .map(
            h -> {
              FaceSummary face = summaries.get(h.faceId());
              return new SearchMatch(
                  face.faceId(), face.sessionId(), h.score(), face.metadata(), face.blacklisted(), face.blacklistReason());
            })
        .toList();
  }

  private static double threshold(Optional<Double> requested, double tenantDefault) {
    double t = requested.orElse(tenantDefault);
    if (!(t >= 0 && t <= 1)) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "threshold must be between 0 and 1");
    }
    return t;
  }
}

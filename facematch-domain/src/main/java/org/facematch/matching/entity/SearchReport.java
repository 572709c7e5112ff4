package org.facematch.matching.entity;

import java.util.List;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;

/**
 * The outcome of a 1:N search.
 *
 * @param totalMatches faces at or above the threshold, of which at most max_results are listed
 */
public record SearchReport(
    SearchStatus status,
    List<SearchMatch> matches,
    int totalMatches,
    double threshold,
    int faceCount,
    List<ReportWarning> warnings)
    implements AuditedOutcome {

  @Override
  public List<String> auditedFaceIds() {
    return matches.stream().map(SearchMatch::faceId).toList();
  }

  @Override
  public Optional<Double> auditedSimilarity() {
    return matches.stream().findFirst().map(SearchMatch::similarity);
  }

  @Override
  public Optional<String> auditedDetails() {
    return Optional.of("status: " + status.label());
  }
}

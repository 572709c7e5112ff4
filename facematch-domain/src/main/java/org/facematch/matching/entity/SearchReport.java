package org.facematch.matching.entity;

import java.util.List;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;

/**
 * The outcome of a 1:N search.
 *
 * @param status {@code Approved}, {@code In Review} or {@code Declined}
 * @param totalMatches faces at or above the threshold, of which at most max_results are listed
 */
public record SearchReport(
    String status,
    List<SearchMatch> matches,
    int totalMatches,
    double threshold,
    int faceCount,
    List<ReportWarning> warnings)
    implements AuditedOutcome {

  public static final String APPROVED = "Approved";
  public static final String IN_REVIEW = "In Review";
  public static final String DECLINED = "Declined";

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
    return Optional.of("status: " + status);
  }
}

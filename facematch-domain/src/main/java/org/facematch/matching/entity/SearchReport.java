package org.facematch.matching.entity;

import java.util.List;

/**
 * The outcome of a 1:N search.
 *
 * @param status {@code Approved}, {@code In Review} or {@code Declined}
 * @param totalMatches faces at or above the threshold, of which at most max_results are listed
 */
public record SearchReport(
    String status, List<SearchMatch> matches, int totalMatches, double threshold, int faceCount, List<ReportWarning> warnings) {

  public static final String APPROVED = "Approved";
  public static final String IN_REVIEW = "In Review";
  public static final String DECLINED = "Declined";
}

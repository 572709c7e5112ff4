package org.facematch.api.matching;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.facematch.api.StoredJson;
import org.facematch.matching.entity.ReportWarning;
import org.facematch.matching.entity.SearchMatch;
import org.facematch.matching.entity.SearchReport;

public record SearchResponse(
    String status,
    List<Match> matches,
    int totalMatches,
    long searchTimeMs,
    double threshold,
    int facesInImage,
    List<Warning> warnings) {

  public record Match(
      String faceId,
      String sessionId,
      double similarity,
      JsonValue metadata,
      boolean isBlacklisted,
      String blacklistReason,
      String registeredAt,
      String matchImageUrl,
      String matchImageExpiresAt) {}

  public record Warning(
      String risk,
      Map<String, Object> additionalData,
      String logType,
      String shortDescription,
      String longDescription) {}

  static SearchResponse from(SearchReport report, long searchTimeMs) {
    return new SearchResponse(
        report.status().label(),
        report.matches().stream().map(SearchResponse::match).toList(),
        report.totalMatches(),
        searchTimeMs,
        report.threshold(),
        report.faceCount(),
        report.warnings().stream().map(SearchResponse::warning).toList());
  }

  private static Match match(SearchMatch m) {
    return new Match(
        m.faceId(),
        m.sessionId(),
        VerifyResponse.round(m.similarity()),
        StoredJson.of(m.metadata()),
        m.blacklisted(),
        m.blacklistReason(),
        m.registeredAt().toString(),
        m.image().map(i -> i.url().toString()).orElse(null),
        m.image().map(i -> i.expiresAt().toString()).orElse(null));
  }

  private static Warning warning(ReportWarning w) {
    return new Warning(
        w.risk(), w.additionalData(), w.logType(), w.shortDescription(), w.longDescription());
  }
}

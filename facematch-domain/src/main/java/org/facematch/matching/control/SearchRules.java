package org.facematch.matching.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.facematch.engine.entity.QualityWarning;
import org.facematch.matching.entity.ReportWarning;
import org.facematch.matching.entity.SearchStatus;

/**
 * The decision rules of the search report:
 *
 * <ul>
 *   <li>{@code FACE_IN_BLACKLIST} (error): a blacklisted face at or above the search threshold.
 *   <li>{@code POSSIBLE_FACE_IN_BLACKLIST} (warning): a blacklisted face at or above the tenant's
 *       verification threshold but below the search threshold.
 *   <li>{@code DUPLICATED_FACE} (warning): a face of another session (any session, when the search
 *       names none) at or above the search threshold.
 *   <li>{@code LOW_QUALITY_SEARCH_IMAGE} (warning): the probe's quality is too low for a missing
 *       match to mean much.
 *   <li>{@code MULTIPLE_FACES_DETECTED} and other quality notes (information).
 * </ul>
 *
 * Any error declines, else any warning sends the search to review, else it is approved.
 */
public final class SearchRules {

  /** A hit as the rules see it: its calibrated score and what the index knows of it. */
  public record Hit(String faceId, String sessionId, boolean blacklisted, double score) {}

  /** The gravest risk of a search and the best hit it was found on, for a person to review. */
  public record Suspicion(String risk, Hit hit) {}

  public static final String FACE_IN_BLACKLIST = "FACE_IN_BLACKLIST";
  public static final String POSSIBLE_FACE_IN_BLACKLIST = "POSSIBLE_FACE_IN_BLACKLIST";
  public static final String DUPLICATED_FACE = "DUPLICATED_FACE";
  public static final String LOW_QUALITY_SEARCH_IMAGE = "LOW_QUALITY_SEARCH_IMAGE";

  private SearchRules() {}

  public static List<ReportWarning> findings(
      List<Hit> hits,
      double searchThreshold,
      double verificationThreshold,
      Optional<String> sessionId,
      List<QualityWarning> probeWarnings) {
    List<ReportWarning> findings = new ArrayList<>();
    List<Hit> blacklisted = blacklisted(hits, searchThreshold);
    if (!blacklisted.isEmpty()) {
      findings.add(
          new ReportWarning(
              FACE_IN_BLACKLIST,
              ReportWarning.ERROR,
              "The face is on the blacklist",
              "The face matches "
                  + blacklisted.size()
                  + " blacklisted face(s) at or above the search threshold.",
              faces(blacklisted)));
    }
    List<Hit> possible = possiblyBlacklisted(hits, searchThreshold, verificationThreshold);
    if (!possible.isEmpty()) {
      findings.add(
          new ReportWarning(
              POSSIBLE_FACE_IN_BLACKLIST,
              ReportWarning.WARNING,
              "The face may be on the blacklist",
              "The face resembles "
                  + possible.size()
                  + " blacklisted face(s) above the verification threshold"
                  + " but below the search threshold; a person should compare them.",
              faces(possible)));
    }
    List<Hit> duplicates = duplicates(hits, searchThreshold, sessionId);
    if (!duplicates.isEmpty()) {
      findings.add(
          new ReportWarning(
              DUPLICATED_FACE,
              ReportWarning.WARNING,
              "The face is already registered",
              "The face matches " + duplicates.size() + " face(s) registered for another session.",
              faces(duplicates)));
    }
    for (QualityWarning quality : probeWarnings) {
      findings.add(quality(quality));
    }
    return findings;
  }

  /**
   * The finding a person should review, gravest first: a blacklist hit, a possible blacklist hit, a
   * duplicate; each with its best hit. Quality notes alone are nothing to review.
   */
  public static Optional<Suspicion> suspect(
      List<Hit> hits,
      double searchThreshold,
      double verificationThreshold,
      Optional<String> sessionId) {
    return Stream.of(
            blacklisted(hits, searchThreshold).stream()
                .findFirst()
                .map(h -> new Suspicion(FACE_IN_BLACKLIST, h)),
            possiblyBlacklisted(hits, searchThreshold, verificationThreshold).stream()
                .findFirst()
                .map(h -> new Suspicion(POSSIBLE_FACE_IN_BLACKLIST, h)),
            duplicates(hits, searchThreshold, sessionId).stream()
                .findFirst()
                .map(h -> new Suspicion(DUPLICATED_FACE, h)))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static List<Hit> blacklisted(List<Hit> hits, double searchThreshold) {
    return hits.stream().filter(h -> h.blacklisted() && h.score() >= searchThreshold).toList();
  }

  private static List<Hit> possiblyBlacklisted(
      List<Hit> hits, double searchThreshold, double verificationThreshold) {
    return hits.stream()
        .filter(
            h ->
                h.blacklisted()
                    && h.score() < searchThreshold
                    && h.score() >= verificationThreshold)
        .toList();
  }

  private static List<Hit> duplicates(
      List<Hit> hits, double searchThreshold, Optional<String> sessionId) {
    return hits.stream()
        .filter(h -> !h.blacklisted() && h.score() >= searchThreshold)
        .filter(h -> sessionId.map(s -> !s.equals(h.sessionId())).orElse(true))
        .toList();
  }

  public static SearchStatus status(List<ReportWarning> findings) {
    if (findings.stream().anyMatch(f -> f.logType().equals(ReportWarning.ERROR))) {
      return SearchStatus.DECLINED;
    }
    if (findings.stream().anyMatch(f -> f.logType().equals(ReportWarning.WARNING))) {
      return SearchStatus.IN_REVIEW;
    }
    return SearchStatus.APPROVED;
  }

  private static ReportWarning quality(QualityWarning warning) {
    return switch (warning) {
      case LOW_QUALITY_IMAGE ->
          new ReportWarning(
              LOW_QUALITY_SEARCH_IMAGE,
              ReportWarning.WARNING,
              "The search image is of low quality",
              "Blur, size, pose or lighting make the face less distinctive; a missing match is less conclusive.",
              Map.of());
      case MULTIPLE_FACES_DETECTED ->
          new ReportWarning(
              "MULTIPLE_FACES_DETECTED",
              ReportWarning.INFORMATION,
              "Several faces in the search image",
              "The largest face was searched; the others were ignored.",
              Map.of());
      default ->
          new ReportWarning(
              warning.name(),
              ReportWarning.INFORMATION,
              "Search image: " + warning.name().toLowerCase().replace('_', ' '),
              "A quality note about the search image.",
              Map.of());
    };
  }

  private static Map<String, Object> faces(List<Hit> hits) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Hit hit : hits.subList(0, Math.min(10, hits.size()))) {
      Map<String, Object> face = new LinkedHashMap<>();
      face.put("face_id", hit.faceId());
      face.put("similarity", Math.round(hit.score() * 10_000) / 10_000.0);
      list.add(face);
    }
    return Map.of("faces", list, "count", hits.size());
  }
}

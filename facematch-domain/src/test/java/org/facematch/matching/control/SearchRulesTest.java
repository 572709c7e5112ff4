package org.facematch.matching.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.facematch.engine.entity.QualityWarning;
import org.facematch.matching.control.SearchRules.Hit;
import org.facematch.matching.entity.ReportWarning;
import org.facematch.matching.entity.SearchStatus;
import org.junit.jupiter.api.Test;

/** The search report's rules at the tenant's default operating points: search 0.8, verify 0.6. */
class SearchRulesTest {

  static final double SEARCH = 0.8;
  static final double VERIFY = 0.6;
  static final Optional<String> NO_SESSION = Optional.empty();

  static Hit blacklisted(String id, double score) {
    return new Hit(id, "s-" + id, true, score);
  }

  static Hit registered(String id, String session, double score) {
    return new Hit(id, session, false, score);
  }

  static List<String> risks(List<ReportWarning> findings) {
    return findings.stream().map(ReportWarning::risk).toList();
  }

  static List<ReportWarning> findings(
      List<Hit> hits, Optional<String> session, QualityWarning... quality) {
    return SearchRules.findings(hits, SEARCH, VERIFY, session, List.of(quality));
  }

  @Test
  void noHitsAndNoQualityNotesAreApproved() {
    List<ReportWarning> findings = findings(List.of(), NO_SESSION);
    assertThat(findings).isEmpty();
    assertThat(SearchRules.status(findings)).isEqualTo(SearchStatus.APPROVED);
    assertThat(SearchRules.suspect(List.of(), SEARCH, VERIFY, NO_SESSION)).isEmpty();
  }

  @Test
  void aBlacklistedFaceAtTheSearchThresholdDeclines() {
    List<ReportWarning> findings = findings(List.of(blacklisted("b", SEARCH)), NO_SESSION);
    assertThat(risks(findings)).containsExactly(SearchRules.FACE_IN_BLACKLIST);
    assertThat(findings.get(0).logType()).isEqualTo(ReportWarning.ERROR);
    assertThat(findings.get(0).additionalData()).containsEntry("count", 1);
    assertThat(SearchRules.status(findings)).isEqualTo(SearchStatus.DECLINED);
  }

  @Test
  void aBlacklistedFaceBetweenTheThresholdsIsAPossibleHitForReview() {
    for (double score : new double[] {VERIFY, 0.7, Math.nextDown(SEARCH)}) {
      List<ReportWarning> findings = findings(List.of(blacklisted("b", score)), NO_SESSION);
      assertThat(risks(findings))
          .as("score %s", score)
          .containsExactly(SearchRules.POSSIBLE_FACE_IN_BLACKLIST);
      assertThat(findings.get(0).logType()).isEqualTo(ReportWarning.WARNING);
      assertThat(SearchRules.status(findings)).isEqualTo(SearchStatus.IN_REVIEW);
    }
  }

  @Test
  void aBlacklistedFaceBelowTheVerificationThresholdIsNoFinding() {
    assertThat(findings(List.of(blacklisted("b", Math.nextDown(VERIFY))), NO_SESSION)).isEmpty();
  }

  @Test
  void anotherSessionsFaceAtTheSearchThresholdIsADuplicate() {
    List<ReportWarning> findings =
        findings(List.of(registered("f", "kyc-1", SEARCH)), Optional.of("kyc-2"));
    assertThat(risks(findings)).containsExactly(SearchRules.DUPLICATED_FACE);
    assertThat(SearchRules.status(findings)).isEqualTo(SearchStatus.IN_REVIEW);
  }

  @Test
  void theSameSessionsFaceIsNoDuplicateButAnySessionIsWhenNoneIsNamed() {
    Hit own = registered("f", "kyc-1", 0.95);
    assertThat(findings(List.of(own), Optional.of("kyc-1"))).isEmpty();
    assertThat(risks(findings(List.of(own), NO_SESSION)))
        .containsExactly(SearchRules.DUPLICATED_FACE);
  }

  @Test
  void aFaceBelowTheSearchThresholdIsNoDuplicate() {
    assertThat(findings(List.of(registered("f", "kyc-1", Math.nextDown(SEARCH))), NO_SESSION))
        .isEmpty();
  }

  @Test
  void aLowQualityProbeGoesToReviewAndOtherQualityNotesOnlyInform() {
    List<ReportWarning> low = findings(List.of(), NO_SESSION, QualityWarning.LOW_QUALITY_IMAGE);
    assertThat(risks(low)).containsExactly(SearchRules.LOW_QUALITY_SEARCH_IMAGE);
    assertThat(SearchRules.status(low)).isEqualTo(SearchStatus.IN_REVIEW);

    List<ReportWarning> several =
        findings(List.of(), NO_SESSION, QualityWarning.MULTIPLE_FACES_DETECTED);
    assertThat(risks(several)).containsExactly("MULTIPLE_FACES_DETECTED");
    assertThat(several.get(0).logType()).isEqualTo(ReportWarning.INFORMATION);
    assertThat(SearchRules.status(several)).isEqualTo(SearchStatus.APPROVED);
  }

  @Test
  void anErrorOutweighsWarningsAndEveryFindingIsReported() {
    List<Hit> hits =
        List.of(blacklisted("b1", 0.9), registered("d", "kyc-9", 0.85), blacklisted("b2", 0.65));
    List<ReportWarning> findings =
        findings(hits, Optional.of("kyc-1"), QualityWarning.LOW_QUALITY_IMAGE);
    assertThat(risks(findings))
        .containsExactly(
            SearchRules.FACE_IN_BLACKLIST,
            SearchRules.POSSIBLE_FACE_IN_BLACKLIST,
            SearchRules.DUPLICATED_FACE,
            SearchRules.LOW_QUALITY_SEARCH_IMAGE);
    assertThat(SearchRules.status(findings)).isEqualTo(SearchStatus.DECLINED);
  }

  @Test
  void theReportListsAtMostTenFacesButCountsThemAll() {
    List<Hit> hits =
        java.util.stream.IntStream.range(0, 12)
            .mapToObj(i -> blacklisted("b" + i, 0.99 - i * 0.001))
            .toList();
    Map<String, Object> data = findings(hits, NO_SESSION).get(0).additionalData();
    assertThat(data).containsEntry("count", 12);
    assertThat((List<?>) data.get("faces")).hasSize(10);
  }

  @Test
  void theGravestSuspicionAndItsBestHitGoToReview() {
    Hit duplicate = registered("d", "kyc-9", 0.97);
    Hit possible = blacklisted("p", 0.7);
    Hit certain = blacklisted("c", 0.85);
    assertThat(
            SearchRules.suspect(List.of(duplicate, possible, certain), SEARCH, VERIFY, NO_SESSION))
        .contains(new SearchRules.Suspicion(SearchRules.FACE_IN_BLACKLIST, certain));
    assertThat(SearchRules.suspect(List.of(duplicate, possible), SEARCH, VERIFY, NO_SESSION))
        .contains(new SearchRules.Suspicion(SearchRules.POSSIBLE_FACE_IN_BLACKLIST, possible));
    assertThat(SearchRules.suspect(List.of(duplicate), SEARCH, VERIFY, NO_SESSION))
        .contains(new SearchRules.Suspicion(SearchRules.DUPLICATED_FACE, duplicate));
    assertThat(SearchRules.suspect(List.of(duplicate), SEARCH, VERIFY, Optional.of("kyc-9")))
        .isEmpty();
  }
}

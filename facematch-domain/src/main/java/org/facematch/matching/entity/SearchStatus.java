package org.facematch.matching.entity;

/** What a search report concludes; the label is what the API and the review queue show. */
public enum SearchStatus {
  /** Nothing to look at. */
  APPROVED("Approved"),
  /** A warning: a person should look before the applicant is onboarded. */
  IN_REVIEW("In Review"),
  /** An error: the applicant is on the blacklist. */
  DECLINED("Declined");

  private final String label;

  SearchStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

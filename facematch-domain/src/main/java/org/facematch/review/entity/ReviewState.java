package org.facematch.review.entity;

/** Where a review case stands; stored by name. */
public enum ReviewState {
  OPEN,
  /** The hit is real: the applicant is the blacklisted or duplicate person. */
  CONFIRMED,
  /** Not the same person. */
  DISMISSED
}

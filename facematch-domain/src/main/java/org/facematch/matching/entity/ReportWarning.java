package org.facematch.matching.entity;

import java.util.Map;

/**
 * One finding of a search report, in the shape of the face-search report.
 *
 * @param risk stable code, e.g. {@code FACE_IN_BLACKLIST}
 * @param logType {@code information}, {@code warning} or {@code error}
 */
public record ReportWarning(
    String risk,
    String logType,
    String shortDescription,
    String longDescription,
    Map<String, Object> additionalData) {

  public static final String INFORMATION = "information";
  public static final String WARNING = "warning";
  public static final String ERROR = "error";
}

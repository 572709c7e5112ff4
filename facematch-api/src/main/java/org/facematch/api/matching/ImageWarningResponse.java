package org.facematch.api.matching;

import org.facematch.matching.entity.ImageWarning;

public record ImageWarningResponse(String code, String image) {

  static ImageWarningResponse from(ImageWarning w) {
    return new ImageWarningResponse(w.code().name(), w.image());
  }
}

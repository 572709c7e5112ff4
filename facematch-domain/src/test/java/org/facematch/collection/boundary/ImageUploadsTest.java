package org.facematch.collection.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.facematch.kernel.entity.FaceMatchException;
import org.junit.jupiter.api.Test;

class ImageUploadsTest {

  @Test
  void fileNamesBecomeSafeKeySuffixes() {
    assertThat(ImageUploads.readable(null)).isEmpty();
    assertThat(ImageUploads.readable("passport.jpg")).isEqualTo("-passport");
    assertThat(ImageUploads.readable("../../etc/passwd")).isEqualTo("-passwd");
    assertThat(ImageUploads.readable("C:\\scans\\My ID (front).png")).isEqualTo("-My_ID_front_");
    assertThat(ImageUploads.readable("....")).isEqualTo("-_");
    assertThat(ImageUploads.readable("a".repeat(200) + ".jpg")).hasSize(65);
  }

  @Test
  void overlongFileNamesAreRejected() {
    assertThatThrownBy(() -> ImageUploads.readable("a".repeat(256)))
        .isInstanceOf(FaceMatchException.class);
  }
}

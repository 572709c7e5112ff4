package org.facematch.image.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.facematch.image.entity.DecodedImage;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.junit.jupiter.api.Test;

class ImageIntakeTest {

  final ImageIntake intake = new ImageIntake();

  @Test
  void rejectsEmptyRandomAndNonImageBytes() {
    byte[] random = new byte[10_000];
    new Random(7).nextBytes(random);

    assertProblem(
        () -> intake.decode(new byte[0], ImageIntake.MAX_INLINE_BYTES), Problem.INVALID_IMAGE);
    assertProblem(() -> intake.decode(random, ImageIntake.MAX_INLINE_BYTES), Problem.INVALID_IMAGE);
    assertProblem(
        () -> intake.decode("GIF89a....".getBytes(), ImageIntake.MAX_INLINE_BYTES),
        Problem.INVALID_IMAGE);
    assertProblem(
        () -> intake.decode("<html>hello</html>".getBytes(), ImageIntake.MAX_INLINE_BYTES),
        Problem.INVALID_IMAGE);
  }

  @Test
  void rejectsAJpegWithAValidHeaderAndGarbageAfterIt() {
    byte[] photo = TestImages.samplePhoto(1);
    byte[] damaged = photo.clone();
    for (int i = photo.length / 3; i < photo.length - 2; i++) {
      damaged[i] = (byte) (i * 31);
    }
    assertProblem(
        () -> intake.decode(damaged, ImageIntake.MAX_INLINE_BYTES), Problem.INVALID_IMAGE);
  }

  @Test
  void rejectsTruncatedFilesThatDecodersWouldSilentlyFillWithGrey() {
    byte[] jpeg = TestImages.samplePhoto(1);
    byte[] png = TestImages.png(TestImages.scaled(TestImages.read(jpeg), 0.25));

    assertProblem(
        () -> intake.decode(Arrays.copyOf(jpeg, jpeg.length / 2), ImageIntake.MAX_INLINE_BYTES),
        Problem.INVALID_IMAGE);
    assertProblem(
        () -> intake.decode(Arrays.copyOf(png, png.length / 2), ImageIntake.MAX_INLINE_BYTES),
        Problem.INVALID_IMAGE);
    assertThat(intake.decode(jpeg, ImageIntake.MAX_INLINE_BYTES).width()).isEqualTo(1920);
  }

  @Test
  void refusesOversizedPayloadsBeforeDecodingThem() {
    byte[] big = new byte[ImageIntake.MAX_INLINE_BYTES + 1];
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    big[2] = (byte) 0xFF;
    String hugeBase64 = "A".repeat(8 * 1024 * 1024);

    assertProblem(() -> intake.decode(big, ImageIntake.MAX_INLINE_BYTES), Problem.IMAGE_TOO_LARGE);
    assertProblem(() -> intake.fromBase64(hugeBase64), Problem.IMAGE_TOO_LARGE);
    assertThat(intake.decode(TestImages.samplePhoto(2), ImageIntake.MAX_STORED_BYTES).width())
        .isEqualTo(1920);
  }

  @Test
  void refusesPixelBombsFromTheHeaderAlone() {
    long before = System.nanoTime();
    assertProblem(
        () -> intake.decode(TestImages.pngClaiming(60_000, 60_000), ImageIntake.MAX_INLINE_BYTES),
        Problem.IMAGE_TOO_LARGE);
    assertThat((System.nanoTime() - before) / 1_000_000).as("ms to refuse").isLessThan(2_000);
  }

  @Test
  void decodesBase64AndDataUrlsAndRejectsInvalidBase64() {
    byte[] jpeg = TestImages.jpeg(solid(64, 48, Color.ORANGE), 0.9f);
    String base64 = Base64.getEncoder().encodeToString(jpeg);

    assertThat(intake.fromBase64(base64)).isEqualTo(jpeg);
    assertThat(intake.fromBase64("data:image/jpeg;base64," + base64)).isEqualTo(jpeg);
    assertProblem(() -> intake.fromBase64("not*base64!"), Problem.INVALID_IMAGE);
    assertProblem(() -> intake.fromBase64(""), Problem.INVALID_IMAGE);
  }

  @Test
  void appliesExifOrientationSoTheImageIsUpright() {
    // Stored sideways: red on the left, blue on the right; EXIF 6 says "turn clockwise to view".
    BufferedImage stored = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = stored.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 100, 100);
    g.setColor(Color.BLUE);
    g.fillRect(100, 0, 100, 100);
    g.dispose();
    byte[] jpeg = TestImages.withExifOrientation(TestImages.jpeg(stored, 0.95f), 6);

    DecodedImage upright = intake.decode(jpeg, ImageIntake.MAX_INLINE_BYTES);

    assertThat(upright.width()).isEqualTo(100);
    assertThat(upright.height()).isEqualTo(200);
    assertThat(new Color(upright.image().getRGB(50, 20)).getRed()).isGreaterThan(200);
    assertThat(new Color(upright.image().getRGB(50, 180)).getBlue()).isGreaterThan(200);
  }

  @Test
  void decodesLargePhotosSubsampled() {
    byte[] large =
        TestImages.jpeg(TestImages.scaled(TestImages.read(TestImages.samplePhoto(3)), 3.125), 0.8f);

    DecodedImage decoded = intake.decode(large, ImageIntake.MAX_STORED_BYTES);

    assertThat(decoded.subsampling()).isEqualTo(3);
    assertThat(decoded.width()).isEqualTo(2000);
  }

  @Test
  void putsTransparentAreasOnWhite() {
    BufferedImage transparent = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB);

    DecodedImage decoded = intake.decode(TestImages.png(transparent), ImageIntake.MAX_INLINE_BYTES);

    assertThat(decoded.image().getRGB(10, 10) & 0xFFFFFF).isEqualTo(0xFFFFFF);
  }

  static BufferedImage solid(int w, int h, Color color) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return image;
  }

  static void assertProblem(Runnable call, Problem problem) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            FaceMatchException.class, e -> assertThat(e.problem()).isEqualTo(problem));
  }
}

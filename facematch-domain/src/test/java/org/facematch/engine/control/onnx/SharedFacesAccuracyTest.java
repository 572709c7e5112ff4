package org.facematch.engine.control.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's accuracy targets on the labelled sets in ../shared/faces. Those photos are never
 * part of the repository; without them these tests are skipped with a printed reason.
 */
class SharedFacesAccuracyTest {

  static final Path FACES =
      Path.of(System.getProperty("facematch.shared.faces", "../../shared/faces"));
  static OnnxFaceModel engine;

  @BeforeAll
  static void load() {
    boolean present =
        Files.isRegularFile(FACES.resolve("deepface/labels.csv"))
            && Files.isRegularFile(FACES.resolve("att/labels.csv"));
    if (!present) {
      System.out.println(
          "SharedFacesAccuracyTest: no labelled sets at "
              + FACES.toAbsolutePath()
              + "; accuracy targets not checked");
    }
    Assumptions.assumeTrue(present, "no labelled sets at " + FACES.toAbsolutePath());
    engine = OnnxFaceModel.load(Optional.empty(), false, 1, OnnxFaceModel.MIN_FACE_HEIGHT);
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.stop();
    }
  }

  @Test
  void separatesThePublicFiguresOfTheDeepfaceSet() throws IOException {
    FaceBenchmark.Report report = FaceBenchmark.evaluate(FACES.resolve("deepface"), engine, 1);
    System.out.print(report.describe(FACES.resolve("deepface"), false, 0));

    assertThat(report.metrics().auc()).isGreaterThanOrEqualTo(0.999);
  }

  @Test
  void meetsTheOrlTargets() throws IOException {
    FaceBenchmark.Report report = FaceBenchmark.evaluate(FACES.resolve("att"), engine, 1);
    System.out.print(report.describe(FACES.resolve("att"), false, 0));

    assertThat(report.metrics().eer()).isLessThanOrEqualTo(0.003);
    assertThat(report.failureToAcquire()).isLessThanOrEqualTo(0.01);
  }

  /**
   * The fused model (the engine's template beside MobileFaceNet's, converted by the build) on the
   * same sets: a conversion that got a weight or a layout wrong would not separate these people.
   */
  @Test
  void theFusedModelSeparatesTheDeepfaceAndOrlSets() throws IOException {
    FaceBenchmark.Report deepface =
        FaceBenchmark.evaluate(FACES.resolve("deepface"), engine, 1, LocalModel.FUSED);
    System.out.print(deepface.describe(FACES.resolve("deepface"), false, 0, LocalModel.FUSED));
    FaceBenchmark.Report orl =
        FaceBenchmark.evaluate(FACES.resolve("att"), engine, 1, LocalModel.FUSED);
    System.out.print(orl.describe(FACES.resolve("att"), false, 0, LocalModel.FUSED));

    assertThat(deepface.metrics().auc()).isGreaterThanOrEqualTo(0.999);
    assertThat(orl.metrics().eer()).isLessThanOrEqualTo(0.003);
    assertThat(deepface.acquired().get(0).embedding().vector()).hasSize(704);
  }

  @Test
  void rejectsTinyFacesRatherThanMatchingThem() throws IOException {
    FaceBenchmark.Report report = FaceBenchmark.evaluate(FACES.resolve("att_tiny23x28"), engine, 1);

    assertThat(report.acquired()).isEmpty();
    assertThat(report.results())
        .allSatisfy(r -> assertThat(r.failure()).isIn("FACE_TOO_SMALL", "NO_FACE_DETECTED"));
  }

  @Test
  void readsAWebpDisguisedAsJpeg() throws IOException {
    byte[] webp = Files.readAllBytes(FACES.resolve("deepface/img47.jpg"));
    var image =
        new org.facematch.image.control.ImageIntake()
            .decode(webp, org.facematch.image.control.ImageIntake.MAX_STORED_BYTES);

    assertThat(engine.analyze(image).faceCount()).isEqualTo(1);
  }

  @Test
  void findsNoFaceInTheNoFacePhotos() throws IOException {
    for (String file :
        new String[] {
          "opencvcourse_cat.jpg", "opencvcourse_cat_large.jpg", "opencvcourse_park.jpg"
        }) {
      byte[] bytes = Files.readAllBytes(FACES.resolve("misc").resolve(file));
      var image =
          new org.facematch.image.control.ImageIntake()
              .decode(bytes, org.facematch.image.control.ImageIntake.MAX_STORED_BYTES);
      assertThat(engine.detect(image)).as(file).isEmpty();
    }
  }
}

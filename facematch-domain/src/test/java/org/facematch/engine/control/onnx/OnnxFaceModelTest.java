package org.facematch.engine.control.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.facematch.engine.entity.DetectedFace;
import org.facematch.engine.entity.Embedding;
import org.facematch.engine.entity.FaceAnalysis;
import org.facematch.engine.entity.QualityWarning;
import org.facematch.image.control.ImageIntake;
import org.facematch.image.control.TestImages;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local engine on real group photos fetched by the build (no shared data needed). */
class OnnxFaceModelTest {

  static final double VERIFY_THRESHOLD = 0.6;

  /** Faces counted once by eye and by this engine; a change means detection changed. */
  static final Map<Integer, Integer> FACES_PER_PHOTO = Map.of(1, 3, 2, 3, 3, 3, 4, 4, 5, 5, 6, 4);

  static OnnxFaceModel engine;
  static final ImageIntake intake = new ImageIntake();

  @BeforeAll
  static void load() {
    engine = OnnxFaceModel.load(Optional.empty(), false, 2, OnnxFaceModel.MIN_FACE_HEIGHT);
  }

  @AfterAll
  static void close() {
    engine.stop();
  }

  @Test
  void countsTheFacesOfEachGroupPhoto() {
    FACES_PER_PHOTO.forEach(
        (photo, expected) ->
            assertThat(engine.detect(decode(TestImages.samplePhoto(photo))))
                .as("faces in sample%d.jpg", photo)
                .hasSize(expected)
                .allSatisfy(face -> assertThat(face.landmarks()).hasSize(5)));
  }

  @Test
  void reportsTheLargestFaceAsSubjectAndWarnsAboutTheOthers() {
    FaceAnalysis analysis = engine.analyze(decode(TestImages.samplePhoto(5)));

    assertThat(analysis.faceCount()).isEqualTo(5);
    assertThat(analysis.warnings()).contains(QualityWarning.MULTIPLE_FACES_DETECTED);
    assertThat(analysis.embedding().vector()).hasSize(512);
    double norm = 0;
    for (float v : analysis.embedding().vector()) {
      norm += v * v;
    }
    assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    double largest =
        engine.detect(decode(TestImages.samplePhoto(5))).stream()
            .mapToDouble(f -> f.box().area())
            .max()
            .orElseThrow();
    assertThat(analysis.subject().box().area()).isEqualTo(largest);
  }

  @Test
  void everyFaceMatchesItselfAfterScalingReencodingBrighteningAndExifRotation() {
    for (BufferedImage face : faceCrops()) {
      Embedding reference = engine.analyze(decode(TestImages.jpeg(face, 0.95f))).embedding();
      List<byte[]> variants =
          List.of(
              TestImages.jpeg(TestImages.scaled(face, 0.6), 0.9f),
              TestImages.jpeg(face, 0.5f),
              TestImages.jpeg(TestImages.brighter(face, 1.3), 0.9f),
              TestImages.withExifOrientation(
                  TestImages.jpeg(TestImages.rotatedLeft(face), 0.9f), 6));
      for (byte[] variant : variants) {
        double score =
            engine.compare(reference, engine.analyze(decode(variant)).embedding()).score();
        assertThat(score)
            .as("same face after a transformation")
            .isGreaterThanOrEqualTo(VERIFY_THRESHOLD);
      }
    }
  }

  /** People in one group photo are different people; across photos the same person may recur. */
  @Test
  void differentPeopleStayBelowTheVerificationThreshold() {
    int pairs = 0;
    double highest = 0;
    for (int photo = 1; photo <= 6; photo++) {
      List<Embedding> people =
          facesOf(photo).stream()
              .map(f -> engine.analyze(decode(TestImages.jpeg(f, 0.95f))).embedding())
              .toList();
      for (int i = 0; i < people.size(); i++) {
        for (int j = i + 1; j < people.size(); j++) {
          highest = Math.max(highest, engine.compare(people.get(i), people.get(j)).score());
          pairs++;
        }
      }
    }
    assertThat(pairs).isEqualTo(31);
    assertThat(highest)
        .as("highest score between two people of one photo")
        .isLessThan(VERIFY_THRESHOLD);
  }

  @Test
  void findsNoFaceWhereThereIsNone() {
    BufferedImage scene = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scene.createGraphics();
    Random random = new Random(11);
    for (int i = 0; i < 40; i++) {
      g.setColor(new Color(random.nextInt(0xFFFFFF)));
      g.fillRect(
          random.nextInt(640),
          random.nextInt(480),
          20 + random.nextInt(200),
          20 + random.nextInt(200));
    }
    g.dispose();

    assertThatThrownBy(() -> engine.analyze(decode(TestImages.jpeg(scene, 0.9f))))
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.NO_FACE_DETECTED));
  }

  @Test
  void refusesFacesTooSmallToMatchInsteadOfMatchingThemBadly() {
    BufferedImage photo = TestImages.read(TestImages.samplePhoto(3));
    BufferedImage tiny = TestImages.scaled(photo, 0.2); // faces about 55 px high

    assertThatThrownBy(() -> engine.analyze(decode(TestImages.jpeg(tiny, 0.95f))))
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> assertThat(e.problem()).isIn(Problem.FACE_TOO_SMALL, Problem.NO_FACE_DETECTED));
  }

  @Test
  void damagedInputOnlyEverFailsWithAClientError() {
    byte[] photo = TestImages.samplePhoto(2);
    Random random = new Random(5);
    List<byte[]> inputs = new ArrayList<>();
    for (int cut :
        new int[] {10, 100, 1000, photo.length / 4, photo.length / 2, photo.length - 3}) {
      inputs.add(Arrays.copyOf(photo, cut));
    }
    for (int i = 0; i < 10; i++) {
      byte[] flipped = photo.clone();
      for (int k = 0; k < 50; k++) {
        flipped[200 + random.nextInt(photo.length - 400)] ^= (byte) (1 << random.nextInt(8));
      }
      inputs.add(flipped);
    }
    for (byte[] input : inputs) {
      try {
        engine.analyze(intake.decode(input, ImageIntake.MAX_INLINE_BYTES));
      } catch (FaceMatchException e) {
        assertThat(e.problem().status()).isEqualTo(400);
      }
    }
  }

  @Test
  void concurrentRequestsGetTheSameTemplatesAsSequentialOnes() throws Exception {
    List<byte[]> photos =
        List.of(TestImages.samplePhoto(1), TestImages.samplePhoto(2), TestImages.samplePhoto(6));
    List<float[]> sequential =
        photos.stream().map(p -> engine.analyze(decode(p)).embedding().vector()).toList();

    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<float[]>> futures = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (byte[] photo : photos) {
          futures.add(pool.submit(() -> engine.analyze(decode(photo)).embedding().vector()));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).containsExactly(sequential.get(i % photos.size()));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void verifyAnalysesBothImagesAtOnceYetReportsTheSourcesProblemFirst() {
    LocalFaceEngine local = new LocalFaceEngine();
    local.model = engine;
    byte[] one = TestImages.jpeg(facesOf(1).get(0), 0.95f);
    byte[] two = TestImages.jpeg(facesOf(2).get(0), 0.95f);
    byte[] noFace = TestImages.jpeg(new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB), 0.9f);
    byte[] notAnImage = "not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    double together = local.compare(inline(one), inline(two)).similarity().raw();
    double apart =
        engine
            .compare(
                engine.analyze(decode(one)).embedding(), engine.analyze(decode(two)).embedding())
            .raw();
    assertThat(together).isEqualTo(apart);
    assertThatThrownBy(() -> local.compare(inline(noFace), inline(notAnImage)))
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.NO_FACE_DETECTED));
    assertThatThrownBy(() -> local.compare(inline(one), inline(noFace)))
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.NO_FACE_DETECTED));
    assertThatThrownBy(() -> local.compare(inline(notAnImage), inline(noFace)))
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> assertThat(e.problem()).isNotEqualTo(Problem.NO_FACE_DETECTED));
  }

  @Test
  void runsOneEngineThreadPerPhysicalCore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path siblings = dir.resolve("thread_siblings_list");
    Map<String, Integer> lists =
        Map.of("0\n", 1, "0-1\n", 2, "0,4\n", 2, "0-3\n", 4, "garbage\n", 1);
    for (var list : lists.entrySet()) {
      java.nio.file.Files.writeString(siblings, list.getKey());
      assertThat(OnnxFaceModel.threadsPerCore(siblings))
          .as(list.getKey())
          .isEqualTo(list.getValue());
    }
    assertThat(OnnxFaceModel.threadsPerCore(dir.resolve("missing"))).isEqualTo(1);
    assertThat(OnnxFaceModel.defaultThreads())
        .isBetween(1, Runtime.getRuntime().availableProcessors());
  }

  @Test
  void loadsModelsFromAnOperatorsDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    for (String model : new String[] {Models.DETECTOR, Models.LANDMARKS, Models.EMBEDDER}) {
      try (var in = Models.class.getResourceAsStream(Models.CLASSPATH_DIR + model)) {
        java.nio.file.Files.copy(in, dir.resolve(model));
      }
    }
    OnnxFaceModel fromDirectory =
        OnnxFaceModel.load(Optional.of(dir), false, 1, OnnxFaceModel.MIN_FACE_HEIGHT);
    try {
      byte[] photo = TestImages.samplePhoto(4);
      assertThat(fromDirectory.analyze(decode(photo)).embedding().vector())
          .containsExactly(engine.analyze(decode(photo)).embedding().vector());
    } finally {
      fromDirectory.stop();
    }
  }

  /** Every face of the six group photos, cut out with a margin: one person per image. */
  static List<BufferedImage> faceCrops() {
    List<BufferedImage> crops = new ArrayList<>();
    for (int photo = 1; photo <= 6; photo++) {
      crops.addAll(facesOf(photo));
    }
    return crops;
  }

  static List<BufferedImage> facesOf(int photo) {
    byte[] bytes = TestImages.samplePhoto(photo);
    BufferedImage image = TestImages.read(bytes);
    List<BufferedImage> crops = new ArrayList<>();
    for (DetectedFace face : engine.detect(decode(bytes))) {
      var box = face.box();
      crops.add(
          TestImages.crop(
              image,
              box.x() - box.width() * 0.3,
              box.y() - box.height() * 0.3,
              box.width() * 1.6,
              box.height() * 1.6));
    }
    return crops;
  }

  static org.facematch.image.control.EngineImage inline(byte[] bytes) {
    return org.facematch.image.control.EngineImage.inline(bytes);
  }

  static org.facematch.image.entity.DecodedImage decode(byte[] bytes) {
    return intake.decode(bytes, ImageIntake.MAX_STORED_BYTES);
  }
}

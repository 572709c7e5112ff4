package org.facematch.engine.control.rekognition;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.util.Base64;
import org.assertj.core.data.Offset;
import org.facematch.engine.entity.Comparison;
import org.facematch.engine.entity.EngineCollection;
import org.facematch.engine.entity.Enrolment;
import org.facematch.engine.entity.ProbeResult;
import org.facematch.engine.entity.QualityWarning;
import org.facematch.engine.entity.Similarity;
import org.facematch.image.control.EngineImage;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * Contract tests of the Rekognition adapter against Rekognition's real wire format (JSON 1.1,
 * {@code POST /} with {@code X-Amz-Target: RekognitionService.<Operation>}), served by WireMock.
 * They prove the integration and the mapping: the exact requests sent and how answers and errors
 * are read. They do not (cannot) prove Rekognition's matching itself.
 */
class RekognitionWireContractTest {

  static final String JSON = "application/x-amz-json-1.1";
  WireMockServer aws;
  RekognitionFaceEngine engine;
  RekognitionClient client;

  @BeforeEach
  void start() {
    aws = new WireMockServer(options().dynamicPort());
    aws.start();
    client =
        RekognitionClient.builder()
            .endpointOverride(URI.create(aws.baseUrl()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClientBuilder(Apache5HttpClient.builder())
            .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
            .build();
    engine = new RekognitionFaceEngine(client);
  }

  @AfterEach
  void stop() {
    client.close();
    aws.stop();
  }

  void answer(String operation, int status, String body) {
    aws.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("RekognitionService." + operation))
            .willReturn(
                aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body)));
  }

  void assertSent(String operation, String json) {
    aws.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("RekognitionService." + operation))
            .withRequestBody(equalToJson(json, true, false)));
  }

  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
  static final String JPEG_BASE64 = Base64.getEncoder().encodeToString(JPEG);
  static final byte[] WEBP =
      "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

  static EngineImage inline(byte[] bytes) {
    return EngineImage.inline(bytes);
  }

  /** A stored image whose bytes the adapter must never read: Rekognition reads S3 itself. */
  static EngineImage stored(String key) {
    return EngineImage.stored(
        new EngineImage.StoredObject("facematch", key),
        () -> {
          throw new AssertionError("the adapter read the object instead of passing a reference");
        });
  }

  @Test
  void createsOneCollectionPerTenantAndToleratesAnExistingOne() {
    answer(
        "CreateCollection",
        400,
        "{\"__type\":\"ResourceAlreadyExistsException\",\"Message\":\"exists\"}");

    engine.ensureCollection("acme");

    assertSent("CreateCollection", "{\"CollectionId\":\"facematch-acme\"}");
  }

  @Test
  void enrolsInlineBytesUnderOurFaceIdAndReadsQualityAndExtraFaces() {
    answer(
        "IndexFaces",
        200,
        "{\"FaceRecords\":[{\"Face\":{\"FaceId\":\"f7c2a9c1-1111-2222-3333-444455556666\",\"ExternalImageId\":\"face-1\",\"Confidence\":99.9},"
            + "\"FaceDetail\":{\"Confidence\":99.9,\"Quality\":{\"Brightness\":81.5,\"Sharpness\":67.0}}}],"
            + "\"FaceModelVersion\":\"7.0\",\"UnindexedFaces\":[{\"Reasons\":[\"EXCEEDS_MAX_FACES\"]}]}");

    Enrolment enrolment = engine.enrol("acme", inline(JPEG), "face-1");

    assertThat(enrolment.engineFaceId()).isEqualTo("f7c2a9c1-1111-2222-3333-444455556666");
    assertThat(enrolment.template()).as("Rekognition keeps the template itself").isNull();
    assertThat(enrolment.quality()).isCloseTo(0.67, Offset.offset(1e-6));
    assertThat(enrolment.warnings()).containsExactly(QualityWarning.MULTIPLE_FACES_DETECTED);
    assertSent(
        "IndexFaces",
        "{\"CollectionId\":\"facematch-acme\",\"ExternalImageId\":\"face-1\",\"MaxFaces\":1,\"QualityFilter\":\"AUTO\","
            + "\"Image\":{\"Bytes\":\""
            + JPEG_BASE64
            + "\"}}");
  }

  @Test
  void passesStoredImagesAsS3ReferencesAndReportsAnUnindexedFaceAsNoFace() {
    answer(
        "IndexFaces",
        200,
        "{\"FaceRecords\":[],\"UnindexedFaces\":[{\"Reasons\":[\"LOW_CONFIDENCE\"]}]}");

    assertThatThrownBy(() -> engine.enrol("acme", stored("tenants/acme/uploads/x.jpg"), "face-2"))
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.NO_FACE_DETECTED));
    assertSent(
        "IndexFaces",
        "{\"CollectionId\":\"facematch-acme\",\"ExternalImageId\":\"face-2\",\"MaxFaces\":1,\"QualityFilter\":\"AUTO\","
            + "\"Image\":{\"S3Object\":{\"Bucket\":\"facematch\",\"Name\":\"tenants/acme/uploads/x.jpg\"}}}");
  }

  @Test
  void aFaceTooSmallToIndexIsReportedAsSuch() {
    answer(
        "IndexFaces",
        200,
        "{\"FaceRecords\":[],\"UnindexedFaces\":[{\"Reasons\":[\"SMALL_BOUNDING_BOX\",\"LOW_SHARPNESS\"]}]}");

    assertThatThrownBy(() -> engine.enrol("acme", inline(JPEG), "face-3"))
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.FACE_TOO_SMALL));
  }

  @Test
  void refusesFormatsRekognitionCannotReadWithoutCallingIt() {
    assertThatThrownBy(() -> engine.enrol("acme", inline(WEBP), "face-4"))
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_IMAGE));
    assertThat(aws.getAllServeEvents()).isEmpty();
  }

  @Test
  void searchesWithThresholdsOnRekognitionsScaleAndReadsMatchesBack() {
    answer(
        "SearchFacesByImage",
        200,
        "{\"SearchedFaceBoundingBox\":{\"Width\":0.2,\"Height\":0.3,\"Left\":0.4,\"Top\":0.1},\"SearchedFaceConfidence\":99.9,"
            + "\"FaceMatches\":[{\"Similarity\":99.23,\"Face\":{\"FaceId\":\"rk-1\",\"ExternalImageId\":\"face-1\"}},"
            + "{\"Similarity\":85.5,\"Face\":{\"FaceId\":\"rk-2\",\"ExternalImageId\":\"face-2\"}},"
            + "{\"Similarity\":84.0,\"Face\":{\"FaceId\":\"rk-3\"}}],\"FaceModelVersion\":\"7.0\"}");

    ProbeResult result = engine.search("acme", inline(JPEG), 0.8, 10);

    assertSent(
        "SearchFacesByImage",
        "{\"CollectionId\":\"facematch-acme\",\"FaceMatchThreshold\":80.0,\"MaxFaces\":10,\"Image\":{\"Bytes\":\""
            + JPEG_BASE64
            + "\"}}");
    assertThat(result.candidates())
        .as("a face indexed outside FaceMatch (no ExternalImageId) is not ours to report")
        .extracting(ProbeResult.Candidate::faceId)
        .containsExactly("face-1", "face-2");
    Similarity best = result.candidates().get(0).similarity();
    assertThat(best.score()).isCloseTo(0.9923, Offset.offset(1e-6));
    assertThat(best.raw()).isCloseTo(99.23, Offset.offset(1e-4));
    assertThat(best.modelId()).isEqualTo("rekognition");
    assertThat(result.confidence()).isCloseTo(0.999, Offset.offset(1e-6));
  }

  @Test
  void comparesSourceAndTargetAndKeepsTheBestMatch() {
    answer(
        "CompareFaces",
        200,
        "{\"SourceImageFace\":{\"Confidence\":99.9},\"FaceMatches\":[{\"Similarity\":42.0,\"Face\":{\"Confidence\":99.0}},"
            + "{\"Similarity\":97.5,\"Face\":{\"Confidence\":98.0}}],\"UnmatchedFaces\":[]}");

    Comparison comparison = engine.compare(inline(JPEG), stored("tenants/acme/uploads/y.jpg"));

    assertThat(comparison.similarity().score()).isCloseTo(0.975, Offset.offset(1e-6));
    assertThat(comparison.confidence()).isCloseTo(0.98, Offset.offset(1e-6));
    assertThat(comparison.targetWarnings()).containsExactly(QualityWarning.MULTIPLE_FACES_DETECTED);
    assertSent(
        "CompareFaces",
        "{\"SourceImage\":{\"Bytes\":\""
            + JPEG_BASE64
            + "\"},"
            + "\"TargetImage\":{\"S3Object\":{\"Bucket\":\"facematch\",\"Name\":\"tenants/acme/uploads/y.jpg\"}},"
            + "\"SimilarityThreshold\":0.0}");
  }

  @Test
  void aTargetWithoutFacesIsNoFaceNotANonMatch() {
    answer(
        "CompareFaces",
        200,
        "{\"SourceImageFace\":{\"Confidence\":99.9},\"FaceMatches\":[],\"UnmatchedFaces\":[]}");

    assertThatThrownBy(() -> engine.compare(inline(JPEG), inline(JPEG)))
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.NO_FACE_DETECTED));
  }

  @Test
  void forgetsFacesAndDescribesTheCollection() {
    answer("DeleteFaces", 200, "{\"DeletedFaces\":[\"rk-1\"]}");
    answer(
        "DescribeCollection",
        200,
        "{\"FaceCount\":1204,\"FaceModelVersion\":\"7.0\",\"CollectionARN\":\"arn:aws:rekognition:x\",\"CreationTimestamp\":1.7E9}");

    engine.forget("acme", "face-1", "rk-1");
    EngineCollection collection = engine.collection("acme");

    assertSent("DeleteFaces", "{\"CollectionId\":\"facematch-acme\",\"FaceIds\":[\"rk-1\"]}");
    assertSent("DescribeCollection", "{\"CollectionId\":\"facematch-acme\"}");
    assertThat(collection.faceCount()).hasValue(1204);
    assertThat(collection.modelVersion()).isEqualTo("rekognition 7.0");
  }

  @ParameterizedTest
  @CsvSource({
    "400, InvalidParameterException, NO_FACE_DETECTED",
    "400, ImageTooLargeException, IMAGE_TOO_LARGE",
    "400, InvalidImageFormatException, INVALID_IMAGE",
    "400, InvalidS3ObjectException, IMAGE_NOT_FOUND",
    "400, ThrottlingException, RATE_LIMITED",
    "400, ProvisionedThroughputExceededException, RATE_LIMITED",
    "400, AccessDeniedException, ENGINE_UNAVAILABLE",
    "500, InternalServerError, ENGINE_UNAVAILABLE"
  })
  void mapsRekognitionErrorsToProblems(int status, String type, Problem problem) {
    answer("CompareFaces", status, "{\"__type\":\"" + type + "\",\"Message\":\"from the stub\"}");

    assertThatThrownBy(() -> engine.compare(inline(JPEG), inline(JPEG)))
        .isInstanceOfSatisfying(
            FaceMatchException.class, e -> assertThat(e.problem()).isEqualTo(problem));
  }

  @Test
  void createsTheCollectionOnFirstUseOrWhenItWasDeletedBehindOurBack() {
    aws.stubFor(
        post(urlEqualTo("/"))
            .inScenario("deleted")
            .whenScenarioStateIs(Scenario.STARTED)
            .withHeader("X-Amz-Target", equalTo("RekognitionService.DescribeCollection"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", JSON)
                    .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"gone\"}"))
            .willSetStateTo("missing"));
    aws.stubFor(
        post(urlEqualTo("/"))
            .inScenario("deleted")
            .whenScenarioStateIs("missing")
            .withHeader("X-Amz-Target", equalTo("RekognitionService.CreateCollection"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", JSON)
                    .withBody("{\"StatusCode\":200,\"FaceModelVersion\":\"7.0\"}"))
            .willSetStateTo("recreated"));
    aws.stubFor(
        post(urlEqualTo("/"))
            .inScenario("deleted")
            .whenScenarioStateIs("recreated")
            .withHeader("X-Amz-Target", equalTo("RekognitionService.DescribeCollection"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", JSON)
                    .withBody("{\"FaceCount\":0,\"FaceModelVersion\":\"7.0\"}")));

    assertThat(engine.collection("acme").faceCount()).hasValue(0);
    assertSent("CreateCollection", "{\"CollectionId\":\"facematch-acme\"}");
  }
}

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
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
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
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
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
            .willReturn(aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body)));
  }

  void assertSent(String operation, String json) {
    aws.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("RekognitionService." + operation))
            .withRequestBody(equalToJson(json, true, false)));
  }

  @Test
  void createsOneCollectionPerTenantAndToleratesAnExistingOne() {
    answer("CreateCollection", 400, "{\"__type\":\"ResourceAlreadyExistsException\",\"Message\":\"exists\"}");

    engine.ensureCollection("acme");

    assertSent("CreateCollection", "{\"CollectionId\":\"facematch-acme\"}");
  }

  @Test
  void indexesInlineBytesUnderOurFaceId() {
    answer(
        "IndexFaces",
        200,
        "{\"FaceRecords\":[{\"Face\":{\"FaceId\":\"f7c2a9c1-1111-2222-3333-444455556666\",\"ExternalImageId\":\"face-1\",\"Confidence\":99.9}}],"
            + "\"FaceModelVersion\":\"7.0\",\"UnindexedFaces\":[]}");
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};

    String engineFaceId = engine.index("acme", RekognitionImage.inline(jpeg), "face-1");

    assertThat(engineFaceId).isEqualTo("f7c2a9c1-1111-2222-3333-444455556666");
    assertSent(
        "IndexFaces",
        "{\"CollectionId\":\"facematch-acme\",\"ExternalImageId\":\"face-1\",\"MaxFaces\":1,\"QualityFilter\":\"AUTO\","
            + "\"Image\":{\"Bytes\":\"" + Base64.getEncoder().encodeToString(jpeg) + "\"}}");
  }

  @Test
  void passesStoredImagesAsS3ReferencesAndReportsAnUnindexedFaceAsNoFace() {
    answer("IndexFaces", 200, "{\"FaceRecords\":[],\"UnindexedFaces\":[{\"Reasons\":[\"LOW_CONFIDENCE\"]}]}");

    assertThatThrownBy(() -> engine.index("acme", RekognitionImage.stored("facematch", "tenants/acme/uploads/x.jpg"), "face-2"))
        .isInstanceOfSatisfying(FaceMatchException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NO_FACE_DETECTED));
    assertSent(
        "IndexFaces",
        "{\"CollectionId\":\"facematch-acme\",\"ExternalImageId\":\"face-2\",\"MaxFaces\":1,\"QualityFilter\":\"AUTO\","
            + "\"Image\":{\"S3Object\":{\"Bucket\":\"facematch\",\"Name\":\"tenants/acme/uploads/x.jpg\"}}}");
  }

  @Test
  void searchesWithThresholdsOnRekognitionsScaleAndReadsMatchesBack() {
    answer(
        "SearchFacesByImage",
        200,
        "{\"SearchedFaceBoundingBox\":{\"Width\":0.2,\"Height\":0.3,\"Left\":0.4,\"Top\":0.1},\"SearchedFaceConfidence\":99.9,"
            + "\"FaceMatches\":[{\"Similarity\":99.23,\"Face\":{\"FaceId\":\"rk-1\",\"ExternalImageId\":\"face-1\"}},"
            + "{\"Similarity\":85.5,\"Face\":{\"FaceId\":\"rk-2\",\"ExternalImageId\":\"face-2\"}}],\"FaceModelVersion\":\"7.0\"}");

    var matches = engine.search("acme", RekognitionImage.inline(new byte[] {1}), 0.8, 10);

    assertSent("SearchFacesByImage", "{\"CollectionId\":\"facematch-acme\",\"FaceMatchThreshold\":80.0,\"MaxFaces\":10,\"Image\":{\"Bytes\":\"AQ==\"}}");
    assertThat(matches).hasSize(2);
    assertThat(matches.get(0).faceId()).isEqualTo("face-1");
    assertThat(matches.get(0).engineFaceId()).isEqualTo("rk-1");
    assertThat(matches.get(0).similarity().score()).isCloseTo(0.9923, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(matches.get(0).similarity().raw()).isCloseTo(99.23, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(matches.get(0).similarity().modelId()).isEqualTo("rekognition");
  }

  @Test
  void comparesSourceAndTargetAndKeepsTheBestMatch() {
    answer(
        "CompareFaces",
        200,
        "{\"SourceImageFace\":{\"Confidence\":99.9},\"FaceMatches\":[{\"Similarity\":42.0},{\"Similarity\":97.5}],\"UnmatchedFaces\":[]}");

    var similarity = engine.compare(RekognitionImage.inline(new byte[] {1}), RekognitionImage.stored("facematch", "tenants/acme/uploads/y.jpg"));

    assertThat(similarity).hasValueSatisfying(s -> assertThat(s.score()).isCloseTo(0.975, org.assertj.core.data.Offset.offset(1e-6)));
    assertSent(
        "CompareFaces",
        "{\"SourceImage\":{\"Bytes\":\"AQ==\"},\"TargetImage\":{\"S3Object\":{\"Bucket\":\"facematch\",\"Name\":\"tenants/acme/uploads/y.jpg\"}},"
            + "\"SimilarityThreshold\":0.0}");
  }

  @Test
  void deletesAndDescribesTheCollection() {
    answer("DeleteFaces", 200, "{\"DeletedFaces\":[\"rk-1\"]}");
    answer("DescribeCollection", 200, "{\"FaceCount\":1204,\"FaceModelVersion\":\"7.0\",\"CollectionARN\":\"arn:aws:rekognition:x\",\"CreationTimestamp\":1.7E9}");

    engine.delete("acme", "rk-1");
    var info = engine.describe("acme");

    assertSent("DeleteFaces", "{\"CollectionId\":\"facematch-acme\",\"FaceIds\":[\"rk-1\"]}");
    assertSent("DescribeCollection", "{\"CollectionId\":\"facematch-acme\"}");
    assertThat(info.faceCount()).isEqualTo(1204);
    assertThat(info.faceModelVersion()).isEqualTo("7.0");
  }

  @ParameterizedTest
  @CsvSource({
    "400, InvalidParameterException, NO_FACE_DETECTED",
    "400, ImageTooLargeException, IMAGE_TOO_LARGE",
    "400, InvalidImageFormatException, INVALID_IMAGE",
    "400, ThrottlingException, RATE_LIMITED",
    "400, ProvisionedThroughputExceededException, RATE_LIMITED",
    "400, AccessDeniedException, ENGINE_UNAVAILABLE",
    "500, InternalServerError, ENGINE_UNAVAILABLE"
  })
  void mapsRekognitionErrorsToProblems(int status, String type, Problem problem) {
    answer("CompareFaces", status, "{\"__type\":\"" + type + "\",\"Message\":\"from the stub\"}");

    assertThatThrownBy(() -> engine.compare(RekognitionImage.inline(new byte[] {1}), RekognitionImage.inline(new byte[] {2})))
        .isInstanceOfSatisfying(FaceMatchException.class, e -> assertThat(e.problem()).isEqualTo(problem));
  }

  @Test
  void recreatesACollectionDeletedBehindOurBack() {
    aws.stubFor(
        post(urlEqualTo("/"))
            .inScenario("deleted")
            .whenScenarioStateIs(Scenario.STARTED)
            .withHeader("X-Amz-Target", equalTo("RekognitionService.DescribeCollection"))
            .willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON).withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"gone\"}"))
            .willSetStateTo("missing"));
    aws.stubFor(
        post(urlEqualTo("/"))
            .inScenario("deleted")
            .whenScenarioStateIs("missing")
            .withHeader("X-Amz-Target", equalTo("RekognitionService.CreateCollection"))
            .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody("{\"StatusCode\":200,\"FaceModelVersion\":\"7.0\"}"))
            .willSetStateTo("recreated"));
    aws.stubFor(
        post(urlEqualTo("/"))
            .inScenario("deleted")
            .whenScenarioStateIs("recreated")
            .withHeader("X-Amz-Target", equalTo("RekognitionService.DescribeCollection"))
            .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody("{\"FaceCount\":0,\"FaceModelVersion\":\"7.0\"}")));

    assertThat(engine.describe("acme").faceCount()).isZero();
    assertSent("CreateCollection", "{\"CollectionId\":\"facematch-acme\"}");
  }
}

package org.facematch.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * WireMock standing in for AWS Rekognition on the port the test stack's Rekognition engine calls,
 * speaking its JSON 1.1 wire format. Its answers are scripted per test; its journal shows what was
 * sent.
 */
final class RekognitionStandIn implements AutoCloseable {

  static final String JSON = "application/x-amz-json-1.1";

  final WireMockServer server;

  private RekognitionStandIn(WireMockServer server) {
    this.server = server;
  }

  static RekognitionStandIn start() {
    WireMockServer server =
        new WireMockServer(options().port(TestStack.REKOGNITION_PORT).globalTemplating(true));
    server.start();
    return new RekognitionStandIn(server);
  }

  /**
   * Forgets earlier scripts and requests; then IndexFaces answers the FaceId "rk-<our face id>" for
   * whatever ExternalImageId it was sent, and DeleteFaces deletes what it is asked to.
   */
  void actAsACollection() {
    server.resetAll();
    answer(
        "IndexFaces",
        200,
        "{\"FaceRecords\":[{\"Face\":{\"FaceId\":\"rk-{{jsonPath request.body '$.ExternalImageId'}}\","
            + "\"ExternalImageId\":\"{{jsonPath request.body '$.ExternalImageId'}}\",\"Confidence\":99.9},"
            + "\"FaceDetail\":{\"Confidence\":99.9,\"Quality\":{\"Brightness\":80.0,\"Sharpness\":70.0}}}],"
            + "\"FaceModelVersion\":\"7.0\",\"UnindexedFaces\":[]}");
    answer("DeleteFaces", 200, "{\"DeletedFaces\":[\"{{jsonPath request.body '$.FaceIds[0]'}}\"]}");
  }

  void answer(String operation, int status, String body) {
    server.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("RekognitionService." + operation))
            .willReturn(
                aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body)));
  }

  @Override
  public void close() {
    server.stop();
  }
}

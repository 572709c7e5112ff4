package org.facematch.engine.control.rekognition;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production client's retries and timeouts, against Rekognition's wire format. */
class RekognitionClientTest {

  WireMockServer aws;

  @BeforeEach
  void start() {
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    aws = new WireMockServer(options().dynamicPort());
    aws.start();
  }

  @AfterEach
  void stop() {
    aws.stop();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Test
  void retriesAServiceFailureABoundedNumberOfTimes() {
    aws.stubFor(
        post(urlEqualTo("/"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody("{\"__type\":\"InternalServerError\",\"Message\":\"down\"}")));

    try (var client =
        RekognitionFaceEngine.client(
            "eu-west-1", Optional.of(URI.create(aws.baseUrl())), 3, Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> new RekognitionFaceEngine(client).collection("acme"))
          .isInstanceOfSatisfying(
              FaceMatchException.class,
              e -> assertThat(e.problem()).isEqualTo(Problem.ENGINE_UNAVAILABLE));
    }
    aws.verify(3, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void aSlowRekognitionBecomesA503NotAHungRequest() {
    aws.stubFor(
        post(urlEqualTo("/"))
            .willReturn(
                aResponse()
                    .withFixedDelay(3_000)
                    .withStatus(200)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody("{\"FaceCount\":0}")));

    long begin = System.nanoTime();
    try (var client =
        RekognitionFaceEngine.client(
            "eu-west-1", Optional.of(URI.create(aws.baseUrl())), 1, Duration.ofMillis(500))) {
      assertThatThrownBy(() -> new RekognitionFaceEngine(client).collection("acme"))
          .isInstanceOfSatisfying(
              FaceMatchException.class,
              e -> assertThat(e.problem()).isEqualTo(Problem.ENGINE_UNAVAILABLE));
    }
    assertThat((System.nanoTime() - begin) / 1_000_000).isLessThan(2_500);
  }
}

package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.facematch.client.ApiClient;
import org.facematch.client.ApiException;
import org.facematch.client.api.CollectionApi;
import org.facematch.client.api.MatchingApi;
import org.facematch.client.api.UploadsApi;
import org.facematch.client.model.BlacklistRequest;
import org.facematch.client.model.ImageFormat;
import org.facematch.client.model.LogType;
import org.facematch.client.model.Problem;
import org.facematch.client.model.ProblemCode;
import org.facematch.client.model.RegisterRequest;
import org.facematch.client.model.RegisterResponse;
import org.facematch.client.model.ReportWarning;
import org.facematch.client.model.RiskCode;
import org.facematch.client.model.SearchRequest;
import org.facematch.client.model.SearchResponse;
import org.facematch.client.model.SearchStatus;
import org.facematch.client.model.UploadUrlRequest;
import org.facematch.client.model.UploadUrlResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The main flow through a Java client that openapi-generator made from the served document at build
 * time (package {@code org.facematch.client}): nothing here knows the wire format.
 */
@ContainerTest
class GeneratedClientIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void runsUploadRegisterSearchBlacklistSearchDelete() throws Exception {
    String tenant = TestTenants.enabled();
    ApiClient client = client(TestTenants.token(tenant, "kyc:read", "kyc:create").mint());
    UploadsApi uploads = new UploadsApi(client);
    CollectionApi collection = new CollectionApi(client);
    MatchingApi matching = new MatchingApi(client);

    UploadUrlResponse ticket =
        uploads.createUploadUrl(
            new UploadUrlRequest()
                .contentType(UploadUrlRequest.ContentTypeEnum.IMAGE_JPEG)
                .fileName("applicant.jpg"));
    HttpResponse<String> put =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(ticket.getUploadUrl())
                    .header("Content-Type", "image/jpeg")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(Photos.person(Photos.PERSON_A)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(200);

    RegisterResponse registered =
        collection.registerFace(
            new RegisterRequest()
                .imageFormat(ImageFormat.S3)
                .image(ticket.getS3Uri())
                .sessionId("client-applicant-1")
                .metadata(Map.of("customer", "c-7")));
    assertThat(registered.getS3Key()).contains(registered.getFaceId().toString());

    SearchRequest probe =
        new SearchRequest()
            .imageFormat(ImageFormat.BASE64)
            .image(Photos.base64(Photos.otherPictureOf(Photos.PERSON_A)))
            .sessionId("client-applicant-2");
    SearchResponse duplicate = matching.searchFaces(probe);
    assertThat(duplicate.getStatus()).isEqualTo(SearchStatus.IN_REVIEW);
    assertThat(duplicate.getMatches()).hasSize(1);
    assertThat(duplicate.getMatches().get(0).getFaceId()).isEqualTo(registered.getFaceId());
    assertThat(duplicate.getMatches().get(0).getMetadata()).isEqualTo(Map.of("customer", "c-7"));
    assertThat(duplicate.getWarnings())
        .extracting(ReportWarning::getRisk)
        .containsExactly(RiskCode.DUPLICATED_FACE);

    var blacklisted =
        collection.blacklistFace(
            new BlacklistRequest().faceId(registered.getFaceId()).reason("Forged passport"));
    assertThat(blacklisted.getIsBlacklisted()).isTrue();
    assertThat(blacklisted.getBlacklistedAt()).isNotNull();

    SearchResponse declined = matching.searchFaces(probe);
    assertThat(declined.getStatus()).isEqualTo(SearchStatus.DECLINED);
    assertThat(declined.getMatches().get(0).getIsBlacklisted()).isTrue();
    assertThat(declined.getWarnings())
        .filteredOn(w -> w.getRisk() == RiskCode.FACE_IN_BLACKLIST)
        .singleElement()
        .satisfies(w -> assertThat(w.getLogType()).isEqualTo(LogType.ERROR));

    assertThat(collection.deleteFace(registered.getFaceId()).getDeleted()).isTrue();
    assertThat(matching.searchFaces(probe).getMatches()).isEmpty();

    ApiException gone =
        catchThrowableOfType(
            ApiException.class, () -> collection.deleteFace(registered.getFaceId()));
    assertThat(gone.getCode()).isEqualTo(404);
    Problem problem = new ObjectMapper().readValue(gone.getResponseBody(), Problem.class);
    assertThat(problem.getCode()).isEqualTo(ProblemCode.FACE_NOT_FOUND);
  }

  private static ApiClient client(String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(Api.uri("/").toString().replaceAll("/$", ""));
    client.setReadTimeout(Duration.ofSeconds(60));
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    return client;
  }
}

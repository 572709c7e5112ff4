package org.facematch.api.matching;

import static org.facematch.audit.entity.Operation.SEARCH;
import static org.facematch.audit.entity.Operation.VERIFY;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.facematch.api.ImageFormats;
import org.facematch.api.Performs;
import org.facematch.api.RequestBodies;
import org.facematch.api.RequestCaller;
import org.facematch.api.problem.ProblemDocument;
import org.facematch.matching.boundary.Matches;

@Path("facematch")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MatchesResource {

  @Inject Matches matches;
  @Inject RequestCaller caller;

  @POST
  @Path("verify")
  @Performs(VERIFY)
  @Operation(
      summary = "1:1: is the face in target_image the face in source_image?",
      description =
          "Each image's largest face is compared. `is_match` is `similarity_score >= threshold`; the"
              + " threshold is the request's or the tenant's `verification_threshold` (default 0.6,"
              + " about 1 false match in 1,000 impostor pairs for the local engine).")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = VerifyRequest.class),
              examples = {
                @ExampleObject(
                    name = "base64",
                    value =
                        "{\"image_format\":\"base64\",\"source_image\":\"/9j/4AAQSkZJRg...\",\"target_image\":\"/9j/4AAQSkZJRg...\"}"),
                @ExampleObject(
                    name = "s3",
                    value =
                        "{\"image_format\":\"s3\",\"source_image\":\"s3://facematch/tenants/acme/uploads/1.jpg\",\"target_image\":\"s3://facematch/tenants/acme/uploads/2.jpg\",\"threshold\":0.7}")
              }))
  @APIResponse(
      responseCode = "200",
      description = "The comparison",
      content =
          @Content(
              schema = @Schema(implementation = VerifyResponse.class),
              examples =
                  @ExampleObject(
                      name = "match",
                      value =
                          "{\"is_match\":true,\"similarity_score\":0.9407,\"confidence\":0.9991,\"threshold\":0.6,\"processing_time_ms\":41,\"raw_score\":0.6532,\"model_version\":\"faceplugin-0.0.1\",\"warnings\":[]}")))
  @APIResponse(
      responseCode = "400",
      description =
          "INVALID_PARAMETER, MALFORMED_REQUEST, INVALID_IMAGE, IMAGE_TOO_LARGE, IMAGE_NOT_FOUND, NO_FACE_DETECTED, FACE_TOO_SMALL",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDocument.class)))
  public VerifyResponse verify(VerifyRequest request) {
    long begin = System.nanoTime();
    VerifyRequest r = RequestBodies.required(request);
    var verification =
        matches.verify(
            caller.get(),
            ImageFormats.input(r.imageFormat(), r.sourceImage()),
            ImageFormats.input(r.imageFormat(), r.targetImage()),
            Optional.ofNullable(r.threshold()));
    return VerifyResponse.from(verification, (System.nanoTime() - begin) / 1_000_000);
  }

  @POST
  @Path("search")
  @Performs(SEARCH)
  @Operation(
      summary = "1:N: which registered faces match the face in the image?",
      description =
          "Returns the faces at or above the threshold (the request's or the tenant's"
              + " `search_threshold`, default 0.8), best first, and a report. Report rules:"
              + " `FACE_IN_BLACKLIST` (error) when a blacklisted face scores at or above the search"
              + " threshold; `POSSIBLE_FACE_IN_BLACKLIST` (warning) when a blacklisted face scores"
              + " between the verification and the search threshold; `DUPLICATED_FACE` (warning)"
              + " when a face of another session (any session if `session_id` is not given) scores"
              + " at or above the search threshold; `LOW_QUALITY_SEARCH_IMAGE` (warning) for a poor"
              + " probe; `MULTIPLE_FACES_DETECTED` and other quality notes (information). `status`"
              + " is `Declined` if any error, else `In Review` if any warning, else `Approved`.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = SearchRequest.class),
              examples =
                  @ExampleObject(
                      name = "new applicant",
                      value =
                          "{\"image_format\":\"base64\",\"image\":\"/9j/4AAQSkZJRg...\",\"max_results\":10,\"session_id\":\"kyc-000456\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Matches and report",
      content =
          @Content(
              schema = @Schema(implementation = SearchResponse.class),
              examples =
                  @ExampleObject(
                      name = "declined",
                      value =
                          "{\"status\":\"Declined\",\"total_matches\":1,\"search_time_ms\":52,\"threshold\":0.8,\"faces_in_image\":1,"
                              + "\"matches\":[{\"face_id\":\"3c33d254-fb24-4d0f-9e70-bdc1a7d67609\",\"session_id\":\"kyc-000123\",\"similarity\":0.94,"
                              + "\"metadata\":{\"customer\":\"c-42\"},\"is_blacklisted\":true,\"blacklist_reason\":\"Forged passport\"}],"
                              + "\"warnings\":[{\"risk\":\"FACE_IN_BLACKLIST\",\"log_type\":\"error\",\"short_description\":\"The face is on the blacklist\","
                              + "\"long_description\":\"The face matches 1 blacklisted face(s) at or above the search threshold.\","
                              + "\"additional_data\":{\"count\":1,\"faces\":[{\"face_id\":\"3c33d254-fb24-4d0f-9e70-bdc1a7d67609\",\"similarity\":0.94}]}}]}")))
  @APIResponse(
      responseCode = "400",
      description =
          "INVALID_PARAMETER, MALFORMED_REQUEST, INVALID_IMAGE, IMAGE_TOO_LARGE, IMAGE_NOT_FOUND, NO_FACE_DETECTED, FACE_TOO_SMALL",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDocument.class)))
  public SearchResponse search(SearchRequest request) {
    long begin = System.nanoTime();
    SearchRequest r = RequestBodies.required(request);
    var report =
        matches.search(
            caller.get(),
            ImageFormats.input(r.imageFormat(), r.image()),
            Optional.ofNullable(r.maxResults()),
            Optional.ofNullable(r.threshold()),
            Optional.ofNullable(r.sessionId()).filter(s -> !s.isBlank()));
    return SearchResponse.from(report, (System.nanoTime() - begin) / 1_000_000);
  }
}

package org.facematch.api.matching;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.facematch.api.ImageFormats;
import org.facematch.api.TenantResolver;
import org.facematch.matching.boundary.Matches;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.tenant.entity.Roles;

@Path("facematch")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MatchesResource {

  @Inject Matches matches;
  @Inject TenantResolver tenantResolver;

  @POST
  @Path("verify")
  @RolesAllowed(Roles.KYC_READ)
  @Operation(
      summary = "1:1: is the face in target_image the face in source_image?",
      description =
          "Each image's largest face is compared. `is_match` is `similarity_score >= threshold`; the"
              + " threshold is the request's or the tenant's `verification_threshold` (default 0.6,"
              + " about 1 false match in 1,000 impostor pairs for the local engine).")
  @APIResponse(responseCode = "200", description = "The comparison")
  @APIResponse(responseCode = "400", description = "INVALID_PARAMETER, INVALID_IMAGE, IMAGE_TOO_LARGE, IMAGE_NOT_FOUND, NO_FACE_DETECTED, FACE_TOO_SMALL")
  public VerifyResponse verify(VerifyRequest request) {
    long begin = System.nanoTime();
    VerifyRequest r = required(request);
    var verification =
        matches.verify(
            tenantResolver.tenant(),
            ImageFormats.input(r.imageFormat(), r.sourceImage()),
            ImageFormats.input(r.imageFormat(), r.targetImage()),
            Optional.ofNullable(r.threshold()));
    return VerifyResponse.from(verification, (System.nanoTime() - begin) / 1_000_000);
  }

  @POST
  @Path("search")
  @RolesAllowed(Roles.KYC_READ)
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
  @APIResponse(responseCode = "200", description = "Matches and report")
  public SearchResponse search(SearchRequest request) {
    long begin = System.nanoTime();
    SearchRequest r = required(request);
    var report =
        matches.search(
            tenantResolver.tenant(),
            ImageFormats.input(r.imageFormat(), r.image()),
            Optional.ofNullable(r.maxResults()),
            Optional.ofNullable(r.threshold()),
            Optional.ofNullable(r.sessionId()).filter(s -> !s.isBlank()));
    return SearchResponse.from(report, (System.nanoTime() - begin) / 1_000_000);
  }

  static <T> T required(T body) {
    if (body == null) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "A JSON request body is required");
    }
    return body;
  }
}

package org.facematch.collection.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.facematch.audit.boundary.Audited;
import org.facematch.audit.entity.Operation;
import org.facematch.collection.entity.FaceImageAccess;
import org.facematch.collection.entity.FaceSummary;
import org.facematch.kernel.entity.Caller;
import org.facematch.storage.control.BlobStore;
import org.facematch.storage.control.PresignedDownload;

/**
 * Temporary links to registered face images, shown beside search matches so that a reviewer can
 * compare the faces. Whoever holds a link sees the image until it expires, so a link lives an hour
 * at most, and issuing links is an image access of its own in the audit trail.
 */
@Stateless
public class FaceImageLinks {

  public static final int MAX_MINUTES = 60;

  @Inject BlobStore blobs;

  @Inject
  @ConfigProperty(name = "facematch.search.match-image-url-minutes", defaultValue = "60")
  int minutes;

  /** Whether links are issued at all: 0 minutes turns them off. */
  public boolean enabled() {
    return !validFor().isZero();
  }

  @Audited(Operation.MATCH_IMAGE_LINKS)
  public FaceImageAccess issue(Caller caller, List<FaceSummary> faces) {
    Duration validFor = validFor();
    Map<String, FaceImageAccess.Link> links = new LinkedHashMap<>();
    for (FaceSummary face : faces) {
      PresignedDownload link = blobs.presignGet(face.s3Key(), validFor);
      links.put(face.faceId(), new FaceImageAccess.Link(link.url(), link.expiresAt()));
    }
    return new FaceImageAccess(links);
  }

  private Duration validFor() {
    return Duration.ofMinutes(Math.max(0, Math.min(MAX_MINUTES, minutes)));
  }
}

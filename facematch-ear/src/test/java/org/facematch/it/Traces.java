package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything FaceMatch keeps of one face, store by store: its row, the review cases that name it
 * and the search images kept with them, its image, and its entry in the search index. Captured
 * while the face exists, listed again after it left.
 */
record Traces(String tenant, String faceId, String imageKey, List<String> probeKeys) {

  /** The traces of a registered face, as they stand now. */
  static Traces of(String tenant, JsonObject registered) {
    String faceId = registered.getString("face_id");
    List<String> probes = new ArrayList<>();
    long after = 0;
    while (true) {
      long next =
          AuditTrails.queryLong(
              "SELECT MIN(id) FROM review_cases WHERE tenant_id = ? AND matched_face_id = ?"
                  + " AND id > ?",
              tenant,
              faceId,
              after);
      if (next == 0) {
        break;
      }
      probes.add(
          AuditTrails.queryString("SELECT probe_s3_key FROM review_cases WHERE id = ?", next));
      after = next;
    }
    return new Traces(tenant, faceId, registered.getString("s3_key"), List.copyOf(probes));
  }

  /** What is left of the face in the database and the object store. */
  List<String> inStores() {
    List<String> left = new ArrayList<>();
    if (AuditTrails.queryLong("SELECT COUNT(*) FROM faces WHERE id = ?", faceId) > 0) {
      left.add("its row in faces");
    }
    long cases =
        AuditTrails.queryLong(
            "SELECT COUNT(*) FROM review_cases WHERE matched_face_id = ?", faceId);
    if (cases > 0) {
      left.add(cases + " review cases");
    }
    if (S3.exists(imageKey)) {
      left.add("its image " + imageKey);
    }
    probeKeys.stream().filter(S3::exists).forEach(key -> left.add("the search image " + key));
    if (S3.count("tenants/" + tenant + "/faces/" + faceId) > 0) {
      left.add("objects under tenants/" + tenant + "/faces/" + faceId);
    }
    return left;
  }

  /** Whether a search over the whole tenant, at threshold 0, still returns the face. */
  boolean searchable(String reader, byte[] probe) {
    JsonObject report =
        Api.postJson(
                "/kyc/facematch/search",
                reader,
                Requests.search(probe)
                    .add("threshold", 0.0)
                    .add("max_results", 100)
                    .build()
                    .toString())
            .json();
    return report.getJsonArray("matches").stream()
        .anyMatch(m -> m.asJsonObject().getString("face_id").equals(faceId));
  }

  void assertGone() {
    assertThat(inStores()).as("what is left of face " + faceId).isEmpty();
  }

  void assertKept() {
    assertThat(inStores())
        .as("face " + faceId + " is kept")
        .contains("its row in faces", "its image " + imageKey);
  }
}

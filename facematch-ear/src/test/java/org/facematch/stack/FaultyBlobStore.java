package org.facematch.stack;

import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;

/**
 * The embedded store with an outage on cue: after a given number of further deletions it fails
 * every deletion until healed, so a test can take the object store down in the middle of an
 * erasure, at an exact point, instead of racing it with a timer.
 */
final class FaultyBlobStore extends ForwardingBlobStore {

  /** Deletions left before the outage; negative: no outage planned. */
  private final AtomicInteger deletesLeft = new AtomicInteger(-1);

  FaultyBlobStore(BlobStore delegate) {
    super(delegate);
  }

  void failAfterDeletes(int deletes) {
    deletesLeft.set(deletes);
  }

  void heal() {
    deletesLeft.set(-1);
  }

  @Override
  public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
    if (deletesLeft.get() >= 0 && deletesLeft.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
      throw new IllegalStateException("object store outage (injected by the test)");
    }
    return super.removeBlob(request);
  }
}

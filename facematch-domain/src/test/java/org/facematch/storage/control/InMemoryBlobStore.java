package org.facematch.storage.control;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/** The object store in memory, for tests of what the domain does with objects, without S3. */
public class InMemoryBlobStore implements BlobStore {

  public final Map<String, byte[]> objects = new ConcurrentHashMap<>();
  public int reads;

  @Override
  public void put(String key, byte[] bytes, String contentType) {
    objects.put(key, bytes.clone());
  }

  @Override
  public Optional<byte[]> get(String key, int maxBytes) {
    reads++;
    byte[] bytes = objects.get(key);
    if (bytes != null && bytes.length > maxBytes) {
      throw new FaceMatchException(Problem.IMAGE_TOO_LARGE, "larger than " + maxBytes);
    }
    return Optional.ofNullable(bytes).map(byte[]::clone);
  }

  @Override
  public void delete(String key) {
    objects.remove(key);
  }

  @Override
  public PresignedUpload presignPut(String key, String contentType, Duration validFor) {
    try {
      return new PresignedUpload(new URL("http://127.0.0.1/" + key), Instant.now().plus(validFor));
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public PresignedDownload presignGet(String key, Duration validFor) {
    try {
      return new PresignedDownload(
          new URL("http://127.0.0.1/" + key + "?get"), Instant.now().plus(validFor));
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public String bucket() {
    return "test-bucket";
  }

  @Override
  public String uriOf(String key) {
    return "s3://test-bucket/" + key;
  }

  @Override
  public Optional<String> keyOf(String uri) {
    return uri != null && uri.startsWith("s3://test-bucket/")
        ? Optional.of(uri.substring(17)).filter(k -> !k.isEmpty())
        : Optional.empty();
  }
}

package org.facematch.engine.control.rekognition;

/**
 * An image as Rekognition takes it: inline bytes (at most 5 MB) or a reference to an object in
 * S3 (at most 15 MB), which Rekognition reads itself, so nothing is uploaded twice.
 */
public record RekognitionImage(byte[] bytes, String bucket, String key) {

  public static RekognitionImage inline(byte[] bytes) {
    return new RekognitionImage(bytes, null, null);
  }

  public static RekognitionImage stored(String bucket, String key) {
    return new RekognitionImage(null, bucket, key);
  }
}

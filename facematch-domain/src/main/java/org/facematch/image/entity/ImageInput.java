package org.facematch.image.entity;

/** An image as a client sends it: inline base64, or the {@code s3_uri} of an object it uploaded. */
public record ImageInput(Format format, String value) {

  public enum Format {
    BASE64,
    S3
  }
}

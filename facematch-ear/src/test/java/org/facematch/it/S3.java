package org.facematch.it;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Looks into the test stack's S3 server directly, as an operator would. */
final class S3 {

  private S3() {}

  static boolean exists(String key) {
    Map<String, String> env = TestStack.get().objectStore().environment();
    try (S3Client s3 = client(env)) {
      s3.headObject(r -> r.bucket(env.get("FACEMATCH_S3_BUCKET")).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  static byte[] read(String key) {
    Map<String, String> env = TestStack.get().objectStore().environment();
    try (S3Client s3 = client(env)) {
      return s3.getObjectAsBytes(r -> r.bucket(env.get("FACEMATCH_S3_BUCKET")).key(key))
          .asByteArray();
    }
  }

  static int count(String prefix) {
    Map<String, String> env = TestStack.get().objectStore().environment();
    try (S3Client s3 = client(env)) {
      return s3.listObjectsV2(r -> r.bucket(env.get("FACEMATCH_S3_BUCKET")).prefix(prefix))
          .keyCount();
    }
  }

  private static S3Client client(Map<String, String> env) {
    return S3Client.builder()
        .endpointOverride(URI.create(env.get("FACEMATCH_S3_ENDPOINT")))
        .region(Region.of(env.get("FACEMATCH_S3_REGION")))
        .forcePathStyle(true)
        .httpClientBuilder(Apache5HttpClient.builder())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))))
        .build();
  }
}

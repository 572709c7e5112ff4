package org.facematch.storage.control.s3;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.facematch.storage.control.BlobStore;
import org.facematch.storage.control.PresignedUpload;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * {@link BlobStore} on any S3-compatible server (AWS S3, MinIO, s3proxy). Credentials come from
 * the standard AWS provider chain; path-style addressing works with every such server.
 */
@ApplicationScoped
public class S3BlobStore implements BlobStore {

  @Inject
  @ConfigProperty(name = "facematch.s3.endpoint")
  Optional<URI> endpoint;

  @Inject
  @ConfigProperty(name = "facematch.s3.bucket", defaultValue = "facematch")
  String bucket;

  @Inject
  @ConfigProperty(name = "facematch.s3.region", defaultValue = "us-east-1")
  String region;

  S3Presigner presigner;

  @PostConstruct
  void connect() {
    var builder =
        S3Presigner.builder()
            .region(Region.of(region))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
    endpoint.ifPresent(builder::endpointOverride);
    presigner = builder.build();
  }

  @PreDestroy
  void disconnect() {
    presigner.close();
  }

  @Override
  public PresignedUpload presignPut(String key, String contentType, Duration validFor) {
    PresignedPutObjectRequest presigned =
        presigner.presignPutObject(
            r ->
                r.signatureDuration(validFor)
                    .putObjectRequest(
                        PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType).build()));
    return new PresignedUpload(presigned.url(), Instant.now().plus(validFor));
  }

  @Override
  public String uriOf(String key) {
    return "s3://" + bucket + "/" + key;
  }
}

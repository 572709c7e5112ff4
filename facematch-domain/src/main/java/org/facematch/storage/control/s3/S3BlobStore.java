package org.facematch.storage.control.s3;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.storage.control.BlobStore;
import org.facematch.storage.control.PresignedDownload;
import org.facematch.storage.control.PresignedUpload;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * {@link BlobStore} on any S3-compatible server (AWS S3, MinIO, s3proxy). Credentials come from the
 * standard AWS provider chain; path-style addressing works with every such server. Calls have
 * timeouts, so a hanging store becomes a 503, not a stuck request.
 */
@ApplicationScoped
public class S3BlobStore implements BlobStore {

  private static final System.Logger LOGGER = System.getLogger(S3BlobStore.class.getName());

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
  S3Client client;

  @PostConstruct
  void connect() {
    var credentials = DefaultCredentialsProvider.builder().build();
    var pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
    var presignerBuilder =
        S3Presigner.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .serviceConfiguration(pathStyle);
    var clientBuilder =
        S3Client.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .serviceConfiguration(pathStyle)
            .httpClientBuilder(
                Apache5HttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(3))
                    .socketTimeout(Duration.ofSeconds(15)))
            .overrideConfiguration(
                c ->
                    c.apiCallTimeout(Duration.ofSeconds(30))
                        .apiCallAttemptTimeout(Duration.ofSeconds(15)));
    endpoint.ifPresent(
        uri -> {
          presignerBuilder.endpointOverride(uri);
          clientBuilder.endpointOverride(uri);
        });
    presigner = presignerBuilder.build();
    client = clientBuilder.build();
  }

  @PreDestroy
  void disconnect() {
    presigner.close();
    client.close();
  }

  @Override
  public void put(String key, byte[] bytes, String contentType) {
    try {
      client.putObject(
          PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType).build(),
          RequestBody.fromBytes(bytes));
    } catch (SdkException e) {
      throw unavailable("put", key, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key, int maxBytes) {
    try (ResponseInputStream<GetObjectResponse> in =
        client.getObject(r -> r.bucket(bucket).key(key))) {
      Long length = in.response().contentLength();
      if (length != null && length > maxBytes) {
        throw new FaceMatchException(
            Problem.IMAGE_TOO_LARGE,
            "The stored image may be at most " + maxBytes / (1024 * 1024) + " MB");
      }
      return Optional.of(readAtMost(in, maxBytes));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException | IOException e) {
      throw unavailable("get", key, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      client.deleteObject(r -> r.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw unavailable("delete", key, e);
    }
  }

  @Override
  public PresignedUpload presignPut(String key, String contentType, Duration validFor) {
    PresignedPutObjectRequest presigned =
        presigner.presignPutObject(
            r ->
                r.signatureDuration(validFor)
                    .putObjectRequest(
                        PutObjectRequest.builder()
                            .bucket(bucket)
                            .key(key)
                            .contentType(contentType)
                            .build()));
    return new PresignedUpload(presigned.url(), Instant.now().plus(validFor));
  }

  @Override
  public PresignedDownload presignGet(String key, Duration validFor) {
    PresignedGetObjectRequest presigned =
        presigner.presignGetObject(
            r ->
                r.signatureDuration(validFor)
                    .getObjectRequest(GetObjectRequest.builder().bucket(bucket).key(key).build()));
    return new PresignedDownload(presigned.url(), presigned.expiration());
  }

  @Override
  public String bucket() {
    return bucket;
  }

  @Override
  public String uriOf(String key) {
    return "s3://" + bucket + "/" + key;
  }

  @Override
  public Optional<String> keyOf(String uri) {
    String prefix = "s3://" + bucket + "/";
    if (uri == null || !uri.startsWith(prefix) || uri.length() == prefix.length()) {
      return Optional.empty();
    }
    return Optional.of(uri.substring(prefix.length()));
  }

  private static byte[] readAtMost(InputStream in, int maxBytes) throws IOException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw new FaceMatchException(
          Problem.IMAGE_TOO_LARGE,
          "The stored image may be at most " + maxBytes / (1024 * 1024) + " MB");
    }
    return bytes;
  }

  private static FaceMatchException unavailable(String operation, String key, Exception e) {
    LOGGER.log(Level.WARNING, "S3 " + operation + " of " + key + " failed: " + e.getMessage());
    return new FaceMatchException(
        Problem.STORAGE_UNAVAILABLE, "The image store is not available; retry later");
  }
}

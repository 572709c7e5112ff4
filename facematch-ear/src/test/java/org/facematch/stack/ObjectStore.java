package org.facematch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * The S3-compatible store for face images: the one at {@code FACEMATCH_S3_ENDPOINT} when set, else
 * an embedded s3proxy serving a folder of the data directory. Embedded credentials are generated on
 * first start and kept in that folder.
 */
public final class ObjectStore implements AutoCloseable {

  public static final String DEFAULT_BUCKET = "facematch";

  private final String endpoint;
  private final String bucket;
  private final String accessKey;
  private final String secretKey;
  private final String region;
  private final S3Proxy embedded;
  private final FaultyBlobStore faults;

  private ObjectStore(
      String endpoint,
      String bucket,
      String accessKey,
      String secretKey,
      String region,
      S3Proxy embedded,
      FaultyBlobStore faults) {
    this.endpoint = endpoint;
    this.bucket = bucket;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.region = region;
    this.embedded = embedded;
    this.faults = faults;
  }

  public static ObjectStore start(Path dataDir, int embeddedPort, Map<String, String> env) {
    String bucket = env.getOrDefault("FACEMATCH_S3_BUCKET", DEFAULT_BUCKET);
    String region = env.getOrDefault("FACEMATCH_S3_REGION", "us-east-1");
    String endpoint = env.get("FACEMATCH_S3_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank()) {
      return new ObjectStore(
          endpoint,
          bucket,
          env.get("AWS_ACCESS_KEY_ID"),
          env.get("AWS_SECRET_ACCESS_KEY"),
          region,
          null,
          null);
    }
    try {
      Path dir = dataDir.resolve("s3");
      Files.createDirectories(dir);
      Properties credentials = credentials(dataDir.resolve("s3-credentials.properties"));
      String accessKey = credentials.getProperty("access-key");
      String secretKey = credentials.getProperty("secret-key");
      var files = new FilesystemNio2BlobStore(dir.toString());
      var store = new FaultyBlobStore(files);
      URI uri = URI.create("http://127.0.0.1:" + embeddedPort);
      S3Proxy proxy =
          S3Proxy.builder()
              .blobStore(store)
              .endpoint(uri)
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
              .build();
      proxy.start();
      while (!"STARTED".equals(proxy.getState())) {
        Thread.sleep(20);
      }
      if (!files.containerExists(bucket)) {
        files.createContainer(bucket);
      }
      return new ObjectStore(uri.toString(), bucket, accessKey, secretKey, region, proxy, store);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the embedded S3 server (s3proxy)", e);
    }
  }

  private static Properties credentials(Path file) throws IOException {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      OwnerOnlyFiles.restrict(file);
      try (var in = Files.newInputStream(file)) {
        properties.load(in);
      }
      return properties;
    }
    var random = new SecureRandom();
    properties.setProperty("access-key", "facematch-" + hex(random, 6));
    properties.setProperty("secret-key", hex(random, 24));
    var out = new java.io.ByteArrayOutputStream();
    properties.store(out, "Generated credentials of the embedded S3 server");
    OwnerOnlyFiles.write(file, out.toByteArray());
    return properties;
  }

  private static String hex(SecureRandom random, int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** What the application needs to reach this store, as environment variables. */
  public Map<String, String> environment() {
    return Map.of(
        "FACEMATCH_S3_ENDPOINT", endpoint,
        "FACEMATCH_S3_BUCKET", bucket,
        "FACEMATCH_S3_REGION", region,
        "AWS_ACCESS_KEY_ID", accessKey == null ? "" : accessKey,
        "AWS_SECRET_ACCESS_KEY", secretKey == null ? "" : secretKey,
        "AWS_REGION", region);
  }

  public String endpoint() {
    return endpoint;
  }

  public String bucket() {
    return bucket;
  }

  /**
   * The embedded store fails every deletion after the next {@code deletes} succeeded, until {@link
   * #heal()}: an outage in the middle of an erasure.
   */
  public void failAfterDeletes(int deletes) {
    faults.failAfterDeletes(deletes);
  }

  public void heal() {
    faults.heal();
  }

  /** Takes the embedded server offline, to test outages. */
  public void stop() {
    try {
      embedded.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Brings the embedded server back after {@link #stop()}. */
  public void start() {
    try {
      embedded.start();
      while (!"STARTED".equals(embedded.getState())) {
        Thread.sleep(20);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.stop();
      } catch (Exception e) {
        System.err.println("Embedded S3 server did not stop cleanly: " + e.getMessage());
      }
    }
  }
}

package org.facematch.engine.control.rekognition;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.facematch.engine.entity.Similarity;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.CompareFacesMatch;
import software.amazon.awssdk.services.rekognition.model.CompareFacesResponse;
import software.amazon.awssdk.services.rekognition.model.FaceRecord;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.ImageTooLargeException;
import software.amazon.awssdk.services.rekognition.model.IndexFacesResponse;
import software.amazon.awssdk.services.rekognition.model.InvalidImageFormatException;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;
import software.amazon.awssdk.services.rekognition.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.rekognition.model.QualityFilter;
import software.amazon.awssdk.services.rekognition.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.rekognition.model.ResourceNotFoundException;
import software.amazon.awssdk.services.rekognition.model.S3Object;
import software.amazon.awssdk.services.rekognition.model.ThrottlingException;

/**
 * AWS Rekognition as a face engine: one collection per tenant ({@code facematch-<tenant>}),
 * IndexFaces to register, SearchFacesByImage to search, CompareFaces to verify. Translates in both
 * directions: Rekognition's 0-100 similarity becomes 0-1 (the raw value is kept), and its errors
 * become the product's problems. Not yet wired into the API; see issue 5.
 */
public class RekognitionFaceEngine {

  public static final String MODEL_ID = "rekognition";
  private static final System.Logger LOGGER = System.getLogger(RekognitionFaceEngine.class.getName());

  /** A face Rekognition found in a collection. */
  public record Match(String engineFaceId, String faceId, Similarity similarity) {}

  /** What DescribeCollection says. */
  public record CollectionInfo(long faceCount, String faceModelVersion) {}

  private final RekognitionClient client;

  public RekognitionFaceEngine(RekognitionClient client) {
    this.client = client;
  }

  /**
   * A client for the configured region (and endpoint, for tests or VPC endpoints), with
   * credentials from the standard AWS provider chain, a bounded number of attempts (the SDK's
   * retry strategy with its backoff) and a timeout per call, so a slow Rekognition becomes a 503
   * rather than a hung request.
   */
  public static RekognitionClient client(String region, Optional<URI> endpoint, int maxAttempts, Duration timeout) {
    var builder =
        RekognitionClient.builder()
            .region(Region.of(region))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(Duration.ofSeconds(3)).socketTimeout(timeout))
            .overrideConfiguration(
                o ->
                    o.retryStrategy(r -> r.maxAttempts(maxAttempts))
                        .apiCallAttemptTimeout(timeout)
                        .apiCallTimeout(timeout.multipliedBy(maxAttempts).plusSeconds(1)));
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  public static String collectionOf(String tenant) {
    return "facematch-" + tenant;
  }

  /** Creates the tenant's collection; one that already exists is fine. */
  public void ensureCollection(String tenant) {
    call(
        () -> {
          try {
            client.createCollection(r -> r.collectionId(collectionOf(tenant)));
          } catch (ResourceAlreadyExistsException exists) {
            // already there: nothing to do
          }
          return null;
        });
  }

  /** Indexes the image's largest face under our face id; answers Rekognition's FaceId. */
  public String index(String tenant, RekognitionImage image, String faceId) {
    IndexFacesResponse response =
        inCollection(
            tenant,
            () ->
                client.indexFaces(
                    r ->
                        r.collectionId(collectionOf(tenant))
                            .image(image(image))
                            .externalImageId(faceId)
                            .maxFaces(1)
                            .qualityFilter(QualityFilter.AUTO)));
    List<FaceRecord> records = response.faceRecords();
    if (records.isEmpty()) {
      throw new FaceMatchException(Problem.NO_FACE_DETECTED, "No face was found in the image");
    }
    return records.get(0).face().faceId();
  }

  public List<Match> search(String tenant, RekognitionImage image, double threshold, int maxFaces) {
    return inCollection(
            tenant,
            () ->
                client.searchFacesByImage(
                    r ->
                        r.collectionId(collectionOf(tenant))
                            .image(image(image))
                            .faceMatchThreshold((float) (threshold * 100))
                            .maxFaces(maxFaces)))
        .faceMatches()
        .stream()
        .map(m -> new Match(m.face().faceId(), m.face().externalImageId(), similarity(m.similarity())))
        .toList();
  }

  /** The best match of the target's faces against the source's largest face, if any. */
  public Optional<Similarity> compare(RekognitionImage source, RekognitionImage target) {
    CompareFacesResponse response =
        call(() -> client.compareFaces(r -> r.sourceImage(image(source)).targetImage(image(target)).similarityThreshold(0f)));
    return response.faceMatches().stream()
        .map(CompareFacesMatch::similarity)
        .max(Float::compare)
        .map(RekognitionFaceEngine::similarity);
  }

  public void delete(String tenant, String engineFaceId) {
    inCollection(tenant, () -> client.deleteFaces(r -> r.collectionId(collectionOf(tenant)).faceIds(engineFaceId)));
  }

  public CollectionInfo describe(String tenant) {
    var response = inCollection(tenant, () -> client.describeCollection(r -> r.collectionId(collectionOf(tenant))));
    return new CollectionInfo(response.faceCount(), response.faceModelVersion());
  }

  static Similarity similarity(float percent) {
    return new Similarity(percent / 100.0, percent, MODEL_ID);
  }

  private static Image image(RekognitionImage image) {
    return image.bytes() != null
        ? Image.builder().bytes(SdkBytes.fromByteArray(image.bytes())).build()
        : Image.builder().s3Object(S3Object.builder().bucket(image.bucket()).name(image.key()).build()).build();
  }

  /** A collection deleted behind our back is recreated once, and the call repeated. */
  private <T> T inCollection(String tenant, Supplier<T> work) {
    try {
      return call(work);
    } catch (MissingCollection missing) {
      LOGGER.log(Level.WARNING, "Rekognition collection " + collectionOf(tenant) + " was missing; recreating it");
      ensureCollection(tenant);
      return call(work);
    }
  }

  private static final class MissingCollection extends RuntimeException {}

  private static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (ResourceNotFoundException e) {
      throw new MissingCollection();
    } catch (InvalidParameterException e) {
      throw new FaceMatchException(Problem.NO_FACE_DETECTED, "Rekognition found no usable face: " + e.awsErrorDetails().errorMessage());
    } catch (ImageTooLargeException e) {
      throw new FaceMatchException(Problem.IMAGE_TOO_LARGE, "The image is too large for Rekognition");
    } catch (InvalidImageFormatException e) {
      throw new FaceMatchException(Problem.INVALID_IMAGE, "Rekognition cannot read the image");
    } catch (ThrottlingException | ProvisionedThroughputExceededException e) {
      throw new FaceMatchException(Problem.RATE_LIMITED, "Rekognition is throttling requests; retry later");
    } catch (SdkException e) {
      LOGGER.log(Level.WARNING, "Rekognition failed: " + e.getMessage());
      throw new FaceMatchException(Problem.ENGINE_UNAVAILABLE, "The face engine is not available; retry later");
    }
  }
}

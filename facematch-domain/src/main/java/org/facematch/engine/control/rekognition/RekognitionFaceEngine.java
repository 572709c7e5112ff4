package org.facematch.engine.control.rekognition;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.facematch.engine.control.FaceEngine;
import org.facematch.engine.entity.Comparison;
import org.facematch.engine.entity.EngineChoice;
import org.facematch.engine.entity.EngineCollection;
import org.facematch.engine.entity.Enrolment;
import org.facematch.engine.entity.ProbeResult;
import org.facematch.engine.entity.QualityWarning;
import org.facematch.engine.entity.Similarity;
import org.facematch.image.control.EngineImage;
import org.facematch.image.entity.ImageFormat;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.CompareFacesMatch;
import software.amazon.awssdk.services.rekognition.model.CompareFacesResponse;
import software.amazon.awssdk.services.rekognition.model.FaceDetail;
import software.amazon.awssdk.services.rekognition.model.FaceRecord;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.ImageTooLargeException;
import software.amazon.awssdk.services.rekognition.model.IndexFacesResponse;
import software.amazon.awssdk.services.rekognition.model.InvalidImageFormatException;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;
import software.amazon.awssdk.services.rekognition.model.InvalidS3ObjectException;
import software.amazon.awssdk.services.rekognition.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.rekognition.model.QualityFilter;
import software.amazon.awssdk.services.rekognition.model.Reason;
import software.amazon.awssdk.services.rekognition.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.rekognition.model.ResourceNotFoundException;
import software.amazon.awssdk.services.rekognition.model.S3Object;
import software.amazon.awssdk.services.rekognition.model.ThrottlingException;
import software.amazon.awssdk.services.rekognition.model.UnindexedFace;

/**
 * AWS Rekognition as a face engine: one collection per tenant ({@code facematch-<tenant>}), created
 * on first use, IndexFaces to register, SearchFacesByImage to search, CompareFaces to verify,
 * DeleteFaces and DescribeCollection. Images in the bucket are passed as S3 references, inline
 * images as bytes. Translates in both directions: Rekognition's 0-100 similarity becomes 0-1 (the
 * raw value is kept), and its errors become the product's problems.
 */
public class RekognitionFaceEngine implements FaceEngine, AutoCloseable {

  static final String MODEL_ID = EngineChoice.REKOGNITION.id();
  private static final System.Logger LOGGER =
      System.getLogger(RekognitionFaceEngine.class.getName());

  private final RekognitionClient client;

  public RekognitionFaceEngine(RekognitionClient client) {
    this.client = client;
  }

  /**
   * A client for the configured region (and endpoint, for tests or VPC endpoints), with credentials
   * from the standard AWS provider chain, a bounded number of attempts (the SDK's retry strategy
   * with its backoff) and a timeout per call, so a slow Rekognition becomes a 503 rather than a
   * hung request.
   */
  public static RekognitionClient client(
      String region, Optional<URI> endpoint, int maxAttempts, Duration timeout) {
    var builder =
        RekognitionClient.builder()
            .region(Region.of(region))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .httpClientBuilder(
                Apache5HttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(3))
                    .socketTimeout(timeout))
            .overrideConfiguration(
                o ->
                    o.retryStrategy(r -> r.maxAttempts(maxAttempts))
                        .apiCallAttemptTimeout(timeout)
                        .apiCallTimeout(timeout.multipliedBy(maxAttempts).plusSeconds(1)));
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** An engine with its own client ({@link #client}), closed with the engine. */
  public static RekognitionFaceEngine connect(
      String region, Optional<URI> endpoint, int maxAttempts, Duration timeout) {
    return new RekognitionFaceEngine(client(region, endpoint, maxAttempts, timeout));
  }

  @Override
  public void close() {
    client.close();
  }

  public static String collectionOf(String tenant) {
    return "facematch-" + tenant;
  }

  @Override
  public EngineChoice choice() {
    return EngineChoice.REKOGNITION;
  }

  @Override
  public Comparison compare(EngineImage source, EngineImage target) {
    Image sourceImage = image(source);
    Image targetImage = image(target);
    CompareFacesResponse response =
        call(
            () ->
                client.compareFaces(
                    r ->
                        r.sourceImage(sourceImage)
                            .targetImage(targetImage)
                            .similarityThreshold(0f)));
    int targetFaces = response.faceMatches().size() + response.unmatchedFaces().size();
    if (targetFaces == 0) {
      throw new FaceMatchException(
          Problem.NO_FACE_DETECTED, "No face was found in the target image");
    }
    Optional<CompareFacesMatch> best =
        response.faceMatches().stream()
            .max((a, b) -> Float.compare(a.similarity(), b.similarity()));
    float percent = best.map(CompareFacesMatch::similarity).orElse(0f);
    double confidence =
        Math.min(
            percent(
                response.sourceImageFace() == null
                    ? null
                    : response.sourceImageFace().confidence()),
            best.map(m -> percent(m.face().confidence())).orElse(1.0));
    return new Comparison(
        similarity(percent),
        confidence,
        List.of(),
        targetFaces > 1 ? List.of(QualityWarning.MULTIPLE_FACES_DETECTED) : List.of());
  }

  /** Indexes the image's largest face under our face id (its ExternalImageId). */
  @Override
  public Enrolment enrol(String tenant, EngineImage image, String faceId) {
    Image rekognitionImage = image(image);
    IndexFacesResponse response =
        inCollection(
            tenant,
            () ->
                client.indexFaces(
                    r ->
                        r.collectionId(collectionOf(tenant))
                            .image(rekognitionImage)
                            .externalImageId(faceId)
                            .maxFaces(1)
                            .qualityFilter(QualityFilter.AUTO)));
    List<FaceRecord> records = response.faceRecords();
    if (records.isEmpty()) {
      throw unindexed(response.unindexedFaces());
    }
    List<QualityWarning> warnings = new ArrayList<>();
    if (response.unindexedFaces().stream()
        .anyMatch(u -> u.reasons().contains(Reason.EXCEEDS_MAX_FACES))) {
      warnings.add(QualityWarning.MULTIPLE_FACES_DETECTED);
    }
    return new Enrolment(
        records.get(0).face().faceId(),
        null,
        quality(records.get(0).faceDetail()),
        List.copyOf(warnings));
  }

  @Override
  public ProbeResult search(String tenant, EngineImage image, double minScore, int maxCandidates) {
    Image probe = image(image);
    var response =
        inCollection(
            tenant,
            () ->
                client.searchFacesByImage(
                    r ->
                        r.collectionId(collectionOf(tenant))
                            .image(probe)
                            .faceMatchThreshold((float) (minScore * 100))
                            .maxFaces(maxCandidates)));
    List<ProbeResult.Candidate> candidates =
        response.faceMatches().stream()
            .filter(m -> m.face() != null && m.face().externalImageId() != null)
            .map(
                m ->
                    new ProbeResult.Candidate(
                        m.face().externalImageId(), similarity(m.similarity())))
            .toList();
    return new ProbeResult(candidates, 1, percent(response.searchedFaceConfidence()), List.of());
  }

  /** Deleting a face Rekognition no longer has is not an error. */
  @Override
  public void forget(String tenant, String faceId, String engineFaceId) {
    inCollection(
        tenant,
        () -> client.deleteFaces(r -> r.collectionId(collectionOf(tenant)).faceIds(engineFaceId)));
  }

  @Override
  public EngineCollection collection(String tenant) {
    var response =
        inCollection(
            tenant, () -> client.describeCollection(r -> r.collectionId(collectionOf(tenant))));
    return new EngineCollection(
        OptionalLong.of(response.faceCount()), MODEL_ID + " " + response.faceModelVersion());
  }

  /** Creates the tenant's collection; one that already exists is fine. */
  public void ensureCollection(String tenant) {
    call(
        () -> {
          try {
            client.createCollection(r -> r.collectionId(collectionOf(tenant)));
            LOGGER.log(Level.INFO, "Created Rekognition collection " + collectionOf(tenant));
          } catch (ResourceAlreadyExistsException exists) {
            // already there: nothing to do
          }
          return null;
        });
  }

  static Similarity similarity(float percent) {
    return new Similarity(percent / 100.0, percent, MODEL_ID);
  }

  private static double percent(Float value) {
    return value == null ? 1.0 : value / 100.0;
  }

  /** Rekognition's own quality measures: the lower of brightness and sharpness, 0-1. */
  private static double quality(FaceDetail detail) {
    if (detail == null || detail.quality() == null) {
      return 0;
    }
    return Math.min(detail.quality().brightness(), detail.quality().sharpness()) / 100.0;
  }

  private static FaceMatchException unindexed(List<UnindexedFace> faces) {
    List<Reason> reasons = faces.stream().flatMap(f -> f.reasons().stream()).distinct().toList();
    if (reasons.contains(Reason.SMALL_BOUNDING_BOX)) {
      return new FaceMatchException(
          Problem.FACE_TOO_SMALL, "The face is too small for Rekognition to index");
    }
    return new FaceMatchException(
        Problem.NO_FACE_DETECTED,
        reasons.isEmpty()
            ? "No face was found in the image"
            : "No face good enough to index was found: " + reasons);
  }

  /**
   * Bytes inline, objects in the bucket by reference. Rekognition reads JPEG and PNG only, so other
   * inline formats are refused here rather than sent.
   */
  private static Image image(EngineImage image) {
    Optional<byte[]> inline = image.inlineBytes();
    if (inline.isPresent()) {
      String type = ImageFormat.of(inline.get()).mediaType();
      if (!type.equals("image/jpeg") && !type.equals("image/png")) {
        throw new FaceMatchException(
            Problem.INVALID_IMAGE, "The Rekognition engine accepts JPEG and PNG images only");
      }
      return Image.builder().bytes(SdkBytes.fromByteArray(inline.get())).build();
    }
    EngineImage.StoredObject object = image.storedObject().orElseThrow();
    return Image.builder()
        .s3Object(S3Object.builder().bucket(object.bucket()).name(object.key()).build())
        .build();
  }

  /** A collection deleted behind our back is recreated once, and the call repeated. */
  private <T> T inCollection(String tenant, Supplier<T> work) {
    try {
      return call(work);
    } catch (MissingCollection missing) {
      LOGGER.log(
          Level.WARNING,
          "Rekognition collection "
              + collectionOf(tenant)
              + " does not exist (first use, or deleted outside FaceMatch); creating it");
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
      throw new FaceMatchException(
          Problem.NO_FACE_DETECTED,
          "Rekognition found no usable face: " + e.awsErrorDetails().errorMessage());
    } catch (ImageTooLargeException e) {
      throw new FaceMatchException(
          Problem.IMAGE_TOO_LARGE, "The image is too large for Rekognition");
    } catch (InvalidImageFormatException e) {
      throw new FaceMatchException(Problem.INVALID_IMAGE, "Rekognition cannot read the image");
    } catch (InvalidS3ObjectException e) {
      throw new FaceMatchException(
          Problem.IMAGE_NOT_FOUND,
          "Rekognition cannot read the image from the bucket; upload it first");
    } catch (ThrottlingException | ProvisionedThroughputExceededException e) {
      throw new FaceMatchException(
          Problem.RATE_LIMITED, "Rekognition is throttling requests; retry later");
    } catch (SdkException e) {
      LOGGER.log(Level.WARNING, "Rekognition failed: " + e.getMessage());
      throw new FaceMatchException(
          Problem.ENGINE_UNAVAILABLE, "The face engine is not available; retry later");
    }
  }
}

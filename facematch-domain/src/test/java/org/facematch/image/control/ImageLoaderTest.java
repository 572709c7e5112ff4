package org.facematch.image.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.facematch.image.entity.ImageFormat;
import org.facematch.image.entity.ImageInput;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;
import org.facematch.storage.control.InMemoryBlobStore;
import org.junit.jupiter.api.Test;

class ImageLoaderTest {

  static final TenantId ACME = new TenantId("acme");
  final InMemoryBlobStore blobs = new InMemoryBlobStore();
  final ImageLoader loader = new ImageLoader();

  {
    loader.blobStore = blobs;
  }

  @Test
  void readsAStoredImageOfTheCallersPrefixOnlyWhenItsBytesAreNeeded() {
    byte[] png =
        TestImages.png(
            new java.awt.image.BufferedImage(120, 120, java.awt.image.BufferedImage.TYPE_INT_RGB));
    blobs.put("tenants/acme/uploads/1.png", png, "image/png");

    EngineImage image =
        loader.load(
            ACME,
            new ImageInput(ImageInput.Format.S3, "s3://test-bucket/tenants/acme/uploads/1.png"),
            "image");
    assertThat(blobs.reads).isZero();
    assertThat(image.storedObject())
        .contains(new EngineImage.StoredObject("test-bucket", "tenants/acme/uploads/1.png"));
    assertThat(image.format()).isEqualTo(ImageFormat.PNG);
    assertThat(image.bytes()).isEqualTo(png);
    assertThat(blobs.reads).isEqualTo(1);
  }

  @Test
  void refusesS3UrisOutsideTheCallersPrefixBeforeReadingAnything() {
    blobs.put("tenants/other/uploads/1.png", new byte[] {1}, "image/png");
    for (String uri :
        new String[] {
          "s3://test-bucket/tenants/other/uploads/1.png",
          "s3://test-bucket/tenants/acme/../other/uploads/1.png",
          "s3://test-bucket/tenants/acmeX/uploads/1.png",
          "s3://another-bucket/tenants/acme/uploads/1.png",
          "https://test-bucket.s3.amazonaws.com/tenants/acme/uploads/1.png",
          "s3://test-bucket/"
        }) {
      assertProblem(
          () -> loader.load(ACME, new ImageInput(ImageInput.Format.S3, uri), "image"),
          Problem.PERMISSION_DENIED);
    }
    assertThat(blobs.reads).isZero();
  }

  @Test
  void malformedS3UrisAreParameterErrorsNotStorageFailures() {
    for (String uri :
        new String[] {
          "s3://test-bucket/tenants/acme/uploads/a\u0000.jpg",
          "s3://test-bucket/tenants/acme/uploads/" + "k".repeat(5000) + ".jpg",
          "s3://test-bucket/tenants/acme/uploads/a b.jpg",
          ""
        }) {
      assertProblem(
          () -> loader.load(ACME, new ImageInput(ImageInput.Format.S3, uri), "image"),
          Problem.INVALID_PARAMETER);
    }
    assertThat(blobs.reads).isZero();
  }

  @Test
  void aMissingObjectIsAClientErrorAndAMissingImageIsAParameterError() {
    EngineImage missing =
        loader.load(
            ACME,
            new ImageInput(ImageInput.Format.S3, "s3://test-bucket/tenants/acme/uploads/none.jpg"),
            "image");
    assertProblem(missing::bytes, Problem.IMAGE_NOT_FOUND);
    assertProblem(
        () -> loader.load(ACME, new ImageInput(ImageInput.Format.BASE64, " "), "image"),
        Problem.INVALID_IMAGE);
    assertProblem(() -> loader.load(ACME, null, "image"), Problem.INVALID_PARAMETER);
  }

  static void assertProblem(Runnable call, Problem problem) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            FaceMatchException.class, e -> assertThat(e.problem()).isEqualTo(problem));
  }
}

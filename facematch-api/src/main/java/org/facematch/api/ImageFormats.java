package org.facematch.api;

import org.facematch.image.entity.ImageInput;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/** Reads the {@code image_format} field shared by the image-taking endpoints. */
public final class ImageFormats {

  private ImageFormats() {}

  public static ImageInput input(String imageFormat, String value) {
    if (imageFormat == null) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "image_format is required: \"base64\" or \"s3\"");
    }
    ImageInput.Format format =
        switch (imageFormat) {
          case "base64" -> ImageInput.Format.BASE64;
          case "s3" -> ImageInput.Format.S3;
          default ->
              throw new FaceMatchException(
                  Problem.INVALID_PARAMETER, "image_format must be \"base64\" or \"s3\"");
        };
    return new ImageInput(format, value);
  }
}

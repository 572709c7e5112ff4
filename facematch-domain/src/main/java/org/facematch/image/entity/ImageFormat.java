package org.facematch.image.entity;

import java.util.Arrays;
import java.util.Optional;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/**
 * The image formats the service accepts, recognised by their content (magic bytes), never by a file
 * name or a declared type: some ".jpg" files are WebP. Each knows its media type, its file
 * extension in the bucket, and how to tell that a file was cut off.
 */
public enum ImageFormat {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  WEBP("image/webp", "webp");

  private final String mediaType;
  private final String extension;

  ImageFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /**
   * The format of the bytes.
   *
   * @throws FaceMatchException {@code INVALID_IMAGE} unless they are a JPEG, PNG or WebP file
   */
  public static ImageFormat of(byte[] b) {
    if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return JPEG;
    }
    if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return PNG;
    }
    if (b.length > 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return WEBP;
    }
    throw new FaceMatchException(
        Problem.INVALID_IMAGE, "The image is not a JPEG, PNG or WebP file");
  }

  /** The format a client announces by media type (for uploads), empty for any other type. */
  public static Optional<ImageFormat> ofMediaType(String mediaType) {
    return Arrays.stream(values()).filter(f -> f.mediaType.equals(mediaType)).findFirst();
  }

  /** The media types accepted, for messages. */
  public static String mediaTypes() {
    return String.join(", ", Arrays.stream(values()).map(ImageFormat::mediaType).toList());
  }

  /**
   * Decoders fill a cut-off image with grey and carry on, so the end of the file is checked: a
   * JPEG's end-of-image marker after its first scan, PNG's IEND chunk, WebP's RIFF length.
   */
  public boolean isTruncated(byte[] b) {
    return switch (this) {
      case JPEG -> !hasEndOfImageAfterFirstScan(b);
      case PNG -> !containsFrom(b, Math.max(0, b.length - 64), new byte[] {'I', 'E', 'N', 'D'});
      case WEBP -> {
        long riffSize =
            (b[4] & 0xFFL) | (b[5] & 0xFFL) << 8 | (b[6] & 0xFFL) << 16 | (b[7] & 0xFFL) << 24;
        yield b.length < riffSize + 8;
      }
    };
  }

  private static boolean hasEndOfImageAfterFirstScan(byte[] b) {
    int i = 2;
    while (i + 3 < b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        return false;
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++;
        continue;
      }
      if (marker == 0xDA) {
        break;
      }
      int length = (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
      i += 2 + length;
    }
    for (int j = i + 2; j + 1 < b.length; j++) {
      if ((b[j] & 0xFF) == 0xFF && (b[j + 1] & 0xFF) == 0xD9) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsFrom(byte[] b, int from, byte[] needle) {
    outer:
    for (int i = from; i <= b.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (b[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}

package org.facematch.image.control;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.facematch.image.entity.DecodedImage;
import org.facematch.image.entity.ImageFormat;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/**
 * Every image enters through here: size limits, format check by content (not by name), pixel count
 * checked from the header before any pixel is decoded, truncation detection, EXIF orientation, and
 * subsampled decoding of large photos.
 */
public final class ImageIntake {

  /** Largest image sent inline (base64), as decoded bytes; the same limit as AWS Rekognition. */
  public static final int MAX_INLINE_BYTES = 5 * 1024 * 1024;

  /** Largest image read from the object store. */
  public static final int MAX_STORED_BYTES = 15 * 1024 * 1024;

  /** Larger pixel counts are refused from the header alone: a few KB can claim gigapixels. */
  public static final long MAX_PIXELS = 50_000_000L;

  /** Photos are decoded at the integer fraction that keeps the long side at least this long. */
  static final int DECODE_LONG_SIDE = 1600;

  /** Decodes a base64 payload (a data: URL prefix is tolerated). */
  public static byte[] fromBase64(String encoded) {
    if (encoded == null || encoded.isBlank()) {
      throw invalid("The image is empty");
    }
    String payload =
        encoded.startsWith("data:") ? encoded.substring(encoded.indexOf(',') + 1) : encoded;
    if (payload.length() > (MAX_INLINE_BYTES / 3 + 1) * 4 + 1024) {
      throw tooLarge("A base64 image may hold at most " + MAX_INLINE_BYTES / (1024 * 1024) + " MB");
    }
    try {
      return Base64.getMimeDecoder().decode(payload);
    } catch (IllegalArgumentException e) {
      throw invalid("The image is not valid base64");
    }
  }

  public static DecodedImage decode(byte[] bytes, int maxBytes) {
    if (bytes == null || bytes.length == 0) {
      throw invalid("The image is empty");
    }
    if (bytes.length > maxBytes) {
      throw tooLarge("The image may be at most " + maxBytes / (1024 * 1024) + " MB");
    }
    ImageFormat format = ImageFormat.of(bytes);
    if (format.isTruncated(bytes)) {
      throw invalid("The image is truncated");
    }
    int orientation = format == ImageFormat.JPEG ? exifOrientation(bytes) : 1;
    Read decoded = read(format, bytes);
    return new DecodedImage(orient(toRgb(decoded.image), orientation), decoded.subsampling);
  }

  static int exifOrientation(byte[] bytes) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
      if (exif.isEmpty()) {
        return 1;
      }
      InputStream data = exif.get(0).data();
      data.read(); // the pad byte after "Exif\0"
      Directory directory = new TIFFReader().read(ImageIO.createImageInputStream(data));
      Entry orientation = directory.getEntryById(TIFF.TAG_ORIENTATION);
      int value = orientation == null ? 1 : ((Number) orientation.getValue()).intValue();
      return value >= 1 && value <= 8 ? value : 1;
    } catch (IOException | RuntimeException e) {
      return 1; // unreadable EXIF is treated as "no orientation", like browsers do
    }
  }

  private record Read(BufferedImage image, int subsampling) {}

  private static Read read(ImageFormat format, byte[] bytes) {
    ImageReader reader = readerFor(format);
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      TruncationWarnings warnings = new TruncationWarnings();
      reader.addIIOReadWarningListener(warnings);
      long width = reader.getWidth(0);
      long height = reader.getHeight(0);
      if (width < 1 || height < 1) {
        throw invalid("The image has no pixels");
      }
      if (width * height > MAX_PIXELS) {
        throw tooLarge(
            "The image has "
                + width
                + "x"
                + height
                + " pixels; at most "
                + MAX_PIXELS / 1_000_000
                + " megapixels are accepted");
      }
      int subsampling = (int) Math.max(1, Math.max(width, height) / DECODE_LONG_SIDE);
      ImageReadParam param = reader.getDefaultReadParam();
      param.setSourceSubsampling(subsampling, subsampling, 0, 0);
      BufferedImage image = reader.read(0, param);
      if (warnings.seen) {
        throw invalid("The image is damaged or truncated");
      }
      return new Read(image, subsampling);
    } catch (IOException | RuntimeException e) {
      if (e instanceof FaceMatchException known) {
        throw known;
      }
      throw invalid("The image cannot be decoded");
    } finally {
      reader.dispose();
    }
  }

  /**
   * Our codecs are never registered in ImageIO's JVM-wide registry: that would pin this
   * application's class loader beyond an undeploy. The JPEG reader only needs to find the JDK's
   * reader it delegates to.
   */
  private static final ImageReaderSpi JPEG_READER = withDelegate(new JPEGImageReaderSpi());

  private static final ImageReaderSpi WEBP_READER = new WebPImageReaderSpi();

  private static ImageReaderSpi withDelegate(ImageReaderSpi spi) {
    spi.onRegistration(IIORegistry.getDefaultInstance(), ImageReaderSpi.class);
    return spi;
  }

  private static ImageReader readerFor(ImageFormat format) {
    try {
      return switch (format) {
        case JPEG -> JPEG_READER.createReaderInstance();
        case WEBP -> WEBP_READER.createReaderInstance();
        case PNG -> {
          Iterator<ImageReader> png = ImageIO.getImageReadersByFormatName("png");
          yield png.next();
        }
      };
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class TruncationWarnings implements IIOReadWarningListener {
    boolean seen;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
      String w = warning.toLowerCase();
      if (w.contains("premature") || w.contains("corrupt") || w.contains("truncat")) {
        seen = true;
      }
    }
  }

  private static BufferedImage toRgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(Color.WHITE); // transparent areas become white, not black
      g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  /** Applies an EXIF orientation (1-8) so that the face is upright, as a viewer shows it. */
  static BufferedImage orient(BufferedImage image, int orientation) {
    if (orientation == 1) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swaps = orientation >= 5;
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
      case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
      case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
      case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
      case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
      case 7 -> t.setTransform(0, -1, -1, 0, h, w);
      case 8 -> t.setTransform(0, -1, 1, 0, 0, w);
      default -> {
        return image;
      }
    }
    BufferedImage upright =
        new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = upright.createGraphics();
    try {
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return upright;
  }

  private static FaceMatchException invalid(String detail) {
    return new FaceMatchException(Problem.INVALID_IMAGE, detail);
  }

  private static FaceMatchException tooLarge(String detail) {
    return new FaceMatchException(Problem.IMAGE_TOO_LARGE, detail);
  }
}

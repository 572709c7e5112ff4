package org.facematch.image.control;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Builds test inputs: encoded images, EXIF orientation, crafted headers. */
public final class TestImages {

  private TestImages() {}

  /**
   * The group photos from {@code @vladmandic/face-api}, fetched by the build: from the folder
   * {@code facematch.test.photos} names, else from the test fixture on the class path.
   */
  public static byte[] samplePhoto(int n) {
    String name = "sample" + n + ".jpg";
    try {
      String folder = System.getProperty("facematch.test.photos");
      if (folder != null) {
        return Files.readAllBytes(Path.of(folder, name));
      }
      try (var in = TestImages.class.getResourceAsStream("/test-photos/" + name)) {
        if (in == null) {
          throw new IllegalStateException(
              "No test photo " + name + ": build facematch-domain first");
        }
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The photo letterboxed into 640x480 and saved as a JPEG, as the benchmarks send it. */
  public static byte[] vga(byte[] jpeg, int offset, float quality) {
    BufferedImage photo = read(jpeg);
    BufferedImage out = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    int h = 480 - offset;
    int w = photo.getWidth() * h / photo.getHeight();
    g.drawImage(
        photo.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING),
        (640 - w) / 2,
        offset / 2,
        null);
    g.dispose();
    return jpeg(out, quality);
  }

  public static BufferedImage read(byte[] bytes) {
    try {
      return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] jpeg(BufferedImage image, float quality) {
    try {
      BufferedImage rgb = image;
      if (image.getType() != BufferedImage.TYPE_INT_RGB) {
        rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, null);
      }
      Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
      ImageWriter writer = writers.next();
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      var out = new ByteArrayOutputStream();
      try (var stream = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(stream);
        writer.write(null, new IIOImage(rgb, null, null), param);
      } finally {
        writer.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] png(BufferedImage image) {
    try {
      var out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static BufferedImage crop(BufferedImage image, double x, double y, double w, double h) {
    int left = (int) Math.max(0, Math.round(x));
    int top = (int) Math.max(0, Math.round(y));
    int right = (int) Math.min(image.getWidth(), Math.round(x + w));
    int bottom = (int) Math.min(image.getHeight(), Math.round(y + h));
    BufferedImage out = new BufferedImage(right - left, bottom - top, BufferedImage.TYPE_INT_RGB);
    out.createGraphics().drawImage(image, -left, -top, null);
    return out;
  }

  public static BufferedImage scaled(BufferedImage image, double factor) {
    int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
    int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(image.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
    g.dispose();
    return out;
  }

  public static BufferedImage brighter(BufferedImage image, double factor) {
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = new Color(image.getRGB(x, y));
        out.setRGB(
            x,
            y,
            new Color(
                    clamp(c.getRed() * factor),
                    clamp(c.getGreen() * factor),
                    clamp(c.getBlue() * factor))
                .getRGB());
      }
    }
    return out;
  }

  /** The image turned 90 degrees counter-clockwise: stored sideways, as a phone held upright. */
  public static BufferedImage rotatedLeft(BufferedImage image) {
    BufferedImage out =
        new BufferedImage(image.getHeight(), image.getWidth(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        out.setRGB(y, image.getWidth() - 1 - x, image.getRGB(x, y));
      }
    }
    return out;
  }

  /** Inserts an EXIF APP1 segment with the given orientation right after the JPEG's SOI marker. */
  public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    // TIFF header (big endian), one IFD with one entry: Orientation (0x0112), SHORT, count 1.
    ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    tiff.putInt(0);
    byte[] payload = tiff.array();
    byte[] exifHeader = {'E', 'x', 'i', 'f', 0, 0};
    int length = 2 + exifHeader.length + payload.length;
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
    out.put(jpeg, 0, 2);
    out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(exifHeader).put(payload);
    out.put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  /** A valid PNG header that claims the given size, with no real pixel data. */
  public static byte[] pngClaiming(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12 + 12);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    chunk(
        b,
        "IHDR",
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put((byte) 8)
            .put((byte) 2)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0)
            .array());
    chunk(b, "IDAT", new byte[0]);
    chunk(b, "IEND", new byte[0]);
    return b.array();
  }

  private static void chunk(ByteBuffer b, String type, byte[] data) {
    var crc = new java.util.zip.CRC32();
    crc.update(type.getBytes());
    crc.update(data);
    b.putInt(data.length).put(type.getBytes()).put(data).putInt((int) crc.getValue());
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}

package org.facematch.it;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.util.Base64;
import org.facematch.image.control.TestImages;

/**
 * Real faces for the API tests, cut from the group photos of {@code @vladmandic/face-api} that the
 * build fetches (pinned by sha256, so the face boxes below stay valid). The three people of sample2
 * are different people by construction.
 */
final class Photos {

  record Box(int x, int y, int w, int h) {}

  static final Box PERSON_A = new Box(1443, 168, 201, 224); // sample2
  static final Box PERSON_B = new Box(360, 110, 174, 300); // sample2
  static final Box PERSON_C = new Box(888, 243, 175, 224); // sample2

  private Photos() {}

  /** One person of sample2, with a margin, as a JPEG. */
  static byte[] person(Box box) {
    return TestImages.jpeg(crop(TestImages.read(TestImages.samplePhoto(2)), box), 0.92f);
  }

  /** The same person as a different, smaller, more compressed picture. */
  static byte[] otherPictureOf(Box box) {
    BufferedImage face = crop(TestImages.read(TestImages.samplePhoto(2)), box);
    int w = (int) (face.getWidth() * 0.7);
    int h = (int) (face.getHeight() * 0.7);
    BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.drawImage(face.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
    g.dispose();
    return TestImages.jpeg(small, 0.75f);
  }

  static byte[] noFace() {
    BufferedImage sky = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sky.createGraphics();
    g.setPaint(
        new java.awt.GradientPaint(0, 0, java.awt.Color.CYAN, 320, 240, java.awt.Color.BLUE));
    g.fillRect(0, 0, 320, 240);
    g.dispose();
    return TestImages.jpeg(sky, 0.9f);
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static BufferedImage crop(BufferedImage image, Box b) {
    int left = Math.max(0, b.x() - b.w() * 3 / 10);
    int top = Math.max(0, b.y() - b.h() * 3 / 10);
    int right = Math.min(image.getWidth(), b.x() + b.w() * 13 / 10);
    int bottom = Math.min(image.getHeight(), b.y() + b.h() * 13 / 10);
    BufferedImage out = new BufferedImage(right - left, bottom - top, BufferedImage.TYPE_INT_RGB);
    out.createGraphics().drawImage(image, -left, -top, null);
    return out;
  }
}

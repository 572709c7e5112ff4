package org.facematch.image.entity;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * An upright (EXIF orientation applied) RGB image ready for the engine.
 *
 * @param image {@code TYPE_INT_RGB} pixels
 * @param subsampling how many original pixels one decoded pixel stands for per axis (1 = full
 *     resolution); large photos are decoded at a fraction of their size
 */
public record DecodedImage(BufferedImage image, int subsampling) {

  public int width() {
    return image.getWidth();
  }

  public int height() {
    return image.getHeight();
  }

  /** Packed 0xRRGGBB pixels, row by row; shared, not copied. */
  public int[] pixels() {
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }
}

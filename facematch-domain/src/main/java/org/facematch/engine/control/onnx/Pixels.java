package org.facematch.engine.control.onnx;

/**
 * Resampling of packed 0xRRGGBB pixels. Downscaling averages every source pixel a target pixel
 * covers (area filter); a point sample would alias a 1920-pixel photo squeezed into 320.
 */
final class Pixels {

  private Pixels() {}

  /**
   * Resamples the source rectangle [left, left+srcW) x [top, top+srcH) (may reach outside the
   * image: averages cover only pixels inside it, bilinear samples outside are black) into a new
   * dstW x dstH packed image. Callers convert that to their tensor layout in a loop of their own; a
   * callback per pixel measured slower, since its call site sees several callers.
   */
  static int[] resample(
      int[] pixels,
      int width,
      int height,
      double left,
      double top,
      double srcW,
      double srcH,
      int dstW,
      int dstH) {
    double sx = srcW / dstW;
    double sy = srcH / dstH;
    int[] out = new int[dstW * dstH];
    if (sx <= 1.0 && sy <= 1.0) {
      for (int dy = 0; dy < dstH; dy++) {
        double y = top + (dy + 0.5) * sy - 0.5;
        for (int dx = 0; dx < dstW; dx++) {
          out[dy * dstW + dx] = bilinear(pixels, width, height, left + (dx + 0.5) * sx - 0.5, y);
        }
      }
      return out;
    }
    if (sx == 2
        && sy == 2
        && left == (int) left
        && top == (int) top
        && left >= 0
        && top >= 0
        && left + srcW <= width
        && top + srcH <= height) {
      return halve(pixels, width, (int) left, (int) top, dstW, dstH);
    }
    int[] xs0 = new int[dstW];
    int[] xs1 = new int[dstW];
    for (int dx = 0; dx < dstW; dx++) {
      xs0[dx] = Math.max(0, (int) Math.floor(left + dx * sx));
      xs1[dx] = Math.min(width, Math.max(xs0[dx] + 1, (int) Math.floor(left + (dx + 1) * sx)));
    }
    for (int dy = 0; dy < dstH; dy++) {
      int y0 = Math.max(0, (int) Math.floor(top + dy * sy));
      int y1 = Math.min(height, Math.max(y0 + 1, (int) Math.floor(top + (dy + 1) * sy)));
      for (int dx = 0; dx < dstW; dx++) {
        int x0 = xs0[dx];
        int x1 = xs1[dx];
        int r = 0;
        int g = 0;
        int b = 0;
        for (int y = y0; y < y1; y++) {
          for (int i = y * width + x0, end = y * width + x1; i < end; i++) {
            int p = pixels[i];
            r += (p >> 16) & 0xFF;
            g += (p >> 8) & 0xFF;
            b += p & 0xFF;
          }
        }
        int n = Math.max(1, (y1 - y0) * (x1 - x0));
        int half = n / 2;
        out[dy * dstW + dx] = ((r + half) / n) << 16 | ((g + half) / n) << 8 | ((b + half) / n);
      }
    }
    return out;
  }

  /**
   * The area filter's most common case, a 640x480 photo into the detector's 320x240: each target
   * pixel is the rounded mean of a 2x2 block. Red and blue are summed in one int (16 bits apart),
   * green in another; the same results as the general loop, at a quarter of its time.
   */
  private static int[] halve(int[] pixels, int width, int left, int top, int dstW, int dstH) {
    int[] out = new int[dstW * dstH];
    for (int dy = 0; dy < dstH; dy++) {
      int i = (top + 2 * dy) * width + left;
      int o = dy * dstW;
      for (int dx = 0; dx < dstW; dx++, i += 2) {
        int p0 = pixels[i];
        int p1 = pixels[i + 1];
        int p2 = pixels[i + width];
        int p3 = pixels[i + width + 1];
        int rb = (p0 & 0xFF00FF) + (p1 & 0xFF00FF) + (p2 & 0xFF00FF) + (p3 & 0xFF00FF) + 0x020002;
        int g = (p0 & 0xFF00) + (p1 & 0xFF00) + (p2 & 0xFF00) + (p3 & 0xFF00) + 0x0200;
        out[o + dx] = (rb >> 2) & 0xFF00FF | (g >> 2) & 0xFF00;
      }
    }
    return out;
  }

  /** One bilinear sample as packed RGB; outside the image is black. */
  static int bilinear(int[] pixels, int width, int height, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    int p00 = at(pixels, width, height, x0, y0);
    int p10 = at(pixels, width, height, x0 + 1, y0);
    int p01 = at(pixels, width, height, x0, y0 + 1);
    int p11 = at(pixels, width, height, x0 + 1, y0 + 1);
    double w00 = (1 - fx) * (1 - fy);
    double w10 = fx * (1 - fy);
    double w01 = (1 - fx) * fy;
    double w11 = fx * fy;
    int r =
        (int)
            Math.round(
                w00 * ((p00 >> 16) & 0xFF)
                    + w10 * ((p10 >> 16) & 0xFF)
                    + w01 * ((p01 >> 16) & 0xFF)
                    + w11 * ((p11 >> 16) & 0xFF));
    int g =
        (int)
            Math.round(
                w00 * ((p00 >> 8) & 0xFF)
                    + w10 * ((p10 >> 8) & 0xFF)
                    + w01 * ((p01 >> 8) & 0xFF)
                    + w11 * ((p11 >> 8) & 0xFF));
    int b =
        (int)
            Math.round(
                w00 * (p00 & 0xFF) + w10 * (p10 & 0xFF) + w01 * (p01 & 0xFF) + w11 * (p11 & 0xFF));
    return (r << 16) | (g << 8) | b;
  }

  private static int at(int[] pixels, int width, int height, int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return 0;
    }
    return pixels[y * width + x];
  }

  /** Integer-factor area downscale of a region, for warping large faces without aliasing. */
  static int[] shrink(
      int[] pixels,
      int width,
      int height,
      int left,
      int top,
      int regionW,
      int regionH,
      int factor) {
    int w = Math.max(1, regionW / factor);
    int h = Math.max(1, regionH / factor);
    return resample(pixels, width, height, left, top, w * factor, h * factor, w, h);
  }
}

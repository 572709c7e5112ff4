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
   * dstW x dstH packed image. Callers convert that to their tensor layout in a loop of their own;
   * a callback per pixel measured slower, since its call site sees several callers.
   */
  static int[] resample(
      int[] pixels, int width, int height, double left, double top, double srcW, double srcH, int dstW, int dstH) {
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
    int r = (int) Math.round(w00 * ((p00 >> 16) & 0xFF) + w10 * ((p10 >> 16) & 0xFF) + w01 * ((p01 >> 16) & 0xFF) + w11 * ((p11 >> 16) & 0xFF));
    int g = (int) Math.round(w00 * ((p00 >> 8) & 0xFF) + w10 * ((p10 >> 8) & 0xFF) + w01 * ((p01 >> 8) & 0xFF) + w11 * ((p11 >> 8) & 0xFF));
    int b = (int) Math.round(w00 * (p00 & 0xFF) + w10 * (p10 & 0xFF) + w01 * (p01 & 0xFF) + w11 * (p11 & 0xFF));
    return (r << 16) | (g << 8) | b;
  }

  private static int at(int[] pixels, int width, int height, int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return 0;
    }
    return pixels[y * width + x];
  }

  /** Integer-factor area downscale of a region, for warping large faces without aliasing. */
  static int[] shrink(int[] pixels, int width, int height, int left, int top, int regionW, int regionH, int factor) {
    int w = Math.max(1, regionW / factor);
    int h = Math.max(1, regionH / factor);
    return resample(pixels, width, height, left, top, w * factor, h * factor, w, h);
  }
}

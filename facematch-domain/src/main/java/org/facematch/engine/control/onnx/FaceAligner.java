package org.facematch.engine.control.onnx;

import java.util.List;
import org.facematch.engine.entity.Point;
import org.facematch.image.entity.DecodedImage;

/**
 * Warps a face onto the standard ArcFace 112x112 five-point template with the least-squares
 * similarity transform (rotation, uniform scale, translation; Umeyama). Faces much larger than the
 * template are first area-shrunk by an integer factor so the warp does not alias.
 */
final class FaceAligner {

  static final int SIZE = 112;
  static final double[][] TEMPLATE = {
    {38.2946, 51.6963},
    {73.5318, 51.5014},
    {56.0252, 71.7366},
    {41.5493, 92.3655},
    {70.7299, 92.2041}
  };

  /** Aligned face as packed RGB pixels, SIZE x SIZE. */
  static int[] align(DecodedImage image, List<Point> landmarks) {
    double[] t = similarity(landmarks); // template = [a -b; b a] * image + [tx ty]
    double a = t[0];
    double b = t[1];
    double scale = Math.hypot(a, b);
    int[] source = image.pixels();
    int width = image.width();
    int height = image.height();
    double originX = 0;
    double originY = 0;
    int factor = (int) Math.floor(1 / scale);
    if (factor >= 2) {
      // Shrink only the image region the template square maps back to (plus the bilinear taps).
      double minX = Double.MAX_VALUE;
      double minY = Double.MAX_VALUE;
      double maxX = -Double.MAX_VALUE;
      double maxY = -Double.MAX_VALUE;
      for (double[] corner : new double[][] {{0, 0}, {SIZE, 0}, {0, SIZE}, {SIZE, SIZE}}) {
        double[] p = toImage(t, corner[0], corner[1]);
        minX = Math.min(minX, p[0]);
        minY = Math.min(minY, p[1]);
        maxX = Math.max(maxX, p[0]);
        maxY = Math.max(maxY, p[1]);
      }
      int left = (int) Math.floor(minX) - 2 * factor;
      int top = (int) Math.floor(minY) - 2 * factor;
      int regionW = (int) Math.ceil(maxX - minX) + 4 * factor;
      int regionH = (int) Math.ceil(maxY - minY) + 4 * factor;
      source = Pixels.shrink(image.pixels(), width, height, left, top, regionW, regionH, factor);
      width = Math.max(1, regionW / factor);
      height = Math.max(1, regionH / factor);
      originX = left;
      originY = top;
    }
    // The inverse of the similarity, computed once: image = A * template + c.
    double det = a * a + b * b;
    double ia = a / det;
    double ib = b / det;
    double cx = -(ia * t[2] + ib * t[3]);
    double cy = -(-ib * t[2] + ia * t[3]);
    int f = factor >= 2 ? factor : 1;
    double shift = f > 1 ? 0.5 - 0.5 / f : 0;
    int[] out = new int[SIZE * SIZE];
    for (int v = 0; v < SIZE; v++) {
      for (int u = 0; u < SIZE; u++) {
        double x = ia * u + ib * v + cx;
        double y = -ib * u + ia * v + cy;
        out[v * SIZE + u] =
            Pixels.bilinear(
                source, width, height, (x - originX) / f - shift, (y - originY) / f - shift);
      }
    }
    return out;
  }

  /** Where a template position comes from in the image: the inverse of the similarity. */
  private static double[] toImage(double[] t, double u, double v) {
    double a = t[0];
    double b = t[1];
    double det = a * a + b * b;
    double du = u - t[2];
    double dv = v - t[3];
    return new double[] {(a * du + b * dv) / det, (-b * du + a * dv) / det};
  }

  /**
   * Least-squares similarity transform from the five image points to the template: returns {a, b,
   * tx, ty} with template = [a -b; b a] * image + (tx, ty).
   */
  static double[] similarity(List<Point> points) {
    int n = points.size();
    double mx = 0;
    double my = 0;
    double tx = 0;
    double ty = 0;
    for (int i = 0; i < n; i++) {
      mx += points.get(i).x();
      my += points.get(i).y();
      tx += TEMPLATE[i][0];
      ty += TEMPLATE[i][1];
    }
    mx /= n;
    my /= n;
    tx /= n;
    ty /= n;
    double sxx = 0;
    double sxy = 0;
    double norm = 0;
    for (int i = 0; i < n; i++) {
      double px = points.get(i).x() - mx;
      double py = points.get(i).y() - my;
      double qx = TEMPLATE[i][0] - tx;
      double qy = TEMPLATE[i][1] - ty;
      sxx += px * qx + py * qy;
      sxy += px * qy - py * qx;
      norm += px * px + py * py;
    }
    double a = sxx / norm;
    double b = sxy / norm;
    return new double[] {a, b, tx - (a * mx - b * my), ty - (b * mx + a * my)};
  }
}

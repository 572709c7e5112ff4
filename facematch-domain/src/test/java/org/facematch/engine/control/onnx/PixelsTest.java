package org.facematch.engine.control.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PixelsTest {

  static final int WIDTH = 37;
  static final int HEIGHT = 29;

  @Test
  void halvingAveragesEachTwoByTwoBlockRoundedLikeTheGeneralAreaFilter() {
    int[] pixels = randomPixels(7);
    int[] halved = Pixels.resample(pixels, WIDTH, HEIGHT, 3, 5, 32, 22, 16, 11);

    for (int dy = 0; dy < 11; dy++) {
      for (int dx = 0; dx < 16; dx++) {
        int x = 3 + 2 * dx;
        int y = 5 + 2 * dy;
        int[] block = {
          at(pixels, x, y), at(pixels, x + 1, y), at(pixels, x, y + 1), at(pixels, x + 1, y + 1)
        };
        assertThat(halved[dy * 16 + dx]).as("pixel %d,%d", dx, dy).isEqualTo(mean(block));
      }
    }
  }

  @Test
  void halvingKeepsExtremeChannelsApart() {
    int[] white = new int[WIDTH * HEIGHT];
    java.util.Arrays.fill(white, 0xFFFFFF);
    int[] alternating = new int[WIDTH * HEIGHT];
    for (int i = 0; i < alternating.length; i++) {
      alternating[i] = i % 2 == 0 ? 0xFF00FF : 0x00FF00;
    }

    assertThat(Pixels.resample(white, WIDTH, HEIGHT, 0, 0, 36, 28, 18, 14)).containsOnly(0xFFFFFF);
    assertThat(Pixels.resample(alternating, WIDTH, HEIGHT, 0, 0, 36, 28, 18, 14)).doesNotContain(0);
  }

  @Test
  void aBlockReachingOutsideTheImageAveragesOnlyThePixelsInside() {
    int[] pixels = randomPixels(3);
    int[] shifted = Pixels.resample(pixels, WIDTH, HEIGHT, WIDTH - 3, 0, 4, 2, 2, 1);

    assertThat(shifted[0])
        .isEqualTo(
            mean(
                new int[] {
                  at(pixels, WIDTH - 3, 0),
                  at(pixels, WIDTH - 2, 0),
                  at(pixels, WIDTH - 3, 1),
                  at(pixels, WIDTH - 2, 1)
                }));
    assertThat(shifted[1])
        .as("only the image's last column is left to average")
        .isEqualTo(mean(new int[] {at(pixels, WIDTH - 1, 0), at(pixels, WIDTH - 1, 1)}));
  }

  private static int[] randomPixels(long seed) {
    Random random = new Random(seed);
    int[] pixels = new int[WIDTH * HEIGHT];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextInt(0x1000000);
    }
    return pixels;
  }

  private static int at(int[] pixels, int x, int y) {
    return pixels[y * WIDTH + x];
  }

  private static int mean(int[] block) {
    int n = block.length;
    int r = 0;
    int g = 0;
    int b = 0;
    for (int p : block) {
      r += (p >> 16) & 0xFF;
      g += (p >> 8) & 0xFF;
      b += p & 0xFF;
    }
    return ((r + n / 2) / n) << 16 | ((g + n / 2) / n) << 8 | ((b + n / 2) / n);
  }
}

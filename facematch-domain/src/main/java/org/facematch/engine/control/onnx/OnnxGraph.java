package org.facematch.engine.control.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes an ONNX model (the {@code onnx.ModelProto} protocol buffer) from nodes and float
 * initializers, for the models FaceMatch converts at build time. Only the fields such a graph needs
 * are written; the field numbers are those of ONNX's {@code onnx.proto}.
 */
final class OnnxGraph {

  static final int IR_VERSION = 8;
  static final int OPSET = 13;
  private static final int FLOAT = 1;
  private static final int INT64 = 7;

  private final ByteArrayOutputStream nodes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream initializers = new ByteArrayOutputStream();
  private final ByteArrayOutputStream inputs = new ByteArrayOutputStream();
  private final ByteArrayOutputStream outputs = new ByteArrayOutputStream();
  private int count;

  /** An attribute of a node: one int, a list of ints, or one float. */
  record Attribute(String name, long[] ints, Long value, Float real) {
    static Attribute ints(String name, long... values) {
      return new Attribute(name, values, null, null);
    }

    static Attribute of(String name, long value) {
      return new Attribute(name, null, value, null);
    }
  }

  /** Adds a node; its name is its output's. */
  OnnxGraph node(String opType, String[] in, String out, Attribute... attributes) {
    Message node = new Message();
    for (String name : in) {
      node.string(1, name);
    }
    node.string(2, out);
    node.string(3, out + "_" + count++);
    node.string(4, opType);
    for (Attribute a : attributes) {
      Message attribute = new Message().string(1, a.name());
      if (a.ints() != null) {
        for (long v : a.ints()) {
          attribute.varint(8, v);
        }
        attribute.varint(20, 7); // INTS
      } else if (a.value() != null) {
        attribute.varint(3, a.value());
        attribute.varint(20, 2); // INT
      } else {
        attribute.fixed32(2, Float.floatToIntBits(a.real()));
        attribute.varint(20, 1); // FLOAT
      }
      node.message(5, attribute);
    }
    new Message().message(1, node).writeTo(nodes);
    return this;
  }

  OnnxGraph initializer(String name, long[] dims, float[] values) {
    ByteBuffer raw =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    tensor(name, dims, FLOAT, raw.array());
    return this;
  }

  OnnxGraph initializer(String name, long[] dims, long[] values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asLongBuffer().put(values);
    tensor(name, dims, INT64, raw.array());
    return this;
  }

  private void tensor(String name, long[] dims, int type, byte[] raw) {
    Message tensor = new Message();
    for (long d : dims) {
      tensor.varint(1, d);
    }
    tensor.varint(2, type).string(8, name).bytes(9, raw);
    new Message().message(5, tensor).writeTo(initializers);
  }

  /**
   * A float input or output of the graph; a dimension is a {@code Long} size or a {@code String}
   * symbol (the batch).
   */
  OnnxGraph input(String name, Object... dims) {
    new Message().message(11, valueInfo(name, dims)).writeTo(inputs);
    return this;
  }

  OnnxGraph output(String name, Object... dims) {
    new Message().message(12, valueInfo(name, dims)).writeTo(outputs);
    return this;
  }

  private static Message valueInfo(String name, Object... dims) {
    Message shape = new Message();
    for (Object d : dims) {
      Message dim = new Message();
      if (d instanceof Number n) {
        dim.varint(1, n.longValue());
      } else {
        dim.string(2, d.toString());
      }
      shape.message(1, dim);
    }
    Message tensorType = new Message().varint(1, FLOAT).message(2, shape);
    return new Message().string(1, name).message(2, new Message().message(1, tensorType));
  }

  byte[] model(String graphName, String producer) {
    ByteArrayOutputStream graph = new ByteArrayOutputStream();
    graph.writeBytes(nodes.toByteArray());
    new Message().string(2, graphName).writeTo(graph);
    graph.writeBytes(initializers.toByteArray());
    graph.writeBytes(inputs.toByteArray());
    graph.writeBytes(outputs.toByteArray());
    Message model =
        new Message()
            .varint(1, IR_VERSION)
            .string(2, producer)
            .bytes(7, graph.toByteArray())
            .message(8, new Message().string(1, "").varint(2, OPSET));
    return model.toByteArray();
  }

  /** One protocol buffer message, written field by field. */
  private static final class Message {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Message varint(int field, long value) {
      key(field, 0);
      raw(value);
      return this;
    }

    Message fixed32(int field, int bits) {
      key(field, 5);
      for (int i = 0; i < 4; i++) {
        out.write(bits >>> (8 * i));
      }
      return this;
    }

    Message string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Message bytes(int field, byte[] value) {
      key(field, 2);
      raw(value.length);
      out.writeBytes(value);
      return this;
    }

    Message message(int field, Message value) {
      return bytes(field, value.toByteArray());
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }

    void writeTo(ByteArrayOutputStream target) {
      target.writeBytes(out.toByteArray());
    }

    private void key(int field, int wireType) {
      raw(((long) field << 3) | wireType);
    }

    private void raw(long value) {
      while ((value & ~0x7FL) != 0) {
        out.write((int) ((value & 0x7F) | 0x80));
        value >>>= 7;
      }
      out.write((int) value);
    }
  }
}

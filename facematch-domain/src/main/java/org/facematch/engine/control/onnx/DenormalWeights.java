package org.facematch.engine.control.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Sets a model's denormal float weights to zero before a session is made from it. The packaged
 * landmark and feature models hold 26,567 and 8,938 of them; arithmetic on denormals is several
 * times slower on Intel cores unless the thread flushes them (DAZ/FTZ), and ONNX Runtime sets those
 * flags only on the first thread that ever creates a session in the process ({@code std::call_once}
 * in {@code InferenceSession::Initialize}). Every other engine thread ran about 4x slower (37 ms
 * against 9.4 ms per analysis on the 2-core Xeon machine). A flushing thread reads these weights as
 * zero anyway, so its templates do not change.
 *
 * <p>The model is an ONNX protobuf: {@code ModelProto.graph} (7) holds {@code initializer} tensors
 * (5) and nodes (1) whose attributes (5) may hold a tensor (5). A float tensor ({@code data_type} 2
 * = 1) keeps its values in {@code raw_data} (9) or packed {@code float_data} (4). Zeroing a value
 * keeps every length, so the bytes are changed in place.
 */
final class DenormalWeights {

  private static final int FLOAT = 1;

  private DenormalWeights() {}

  /** Flushes the model's denormal float weights in place; answers how many there were. */
  static int flush(byte[] model) {
    int flushed = 0;
    for (Field graph : new Message(model, 0, model.length).fields(7)) {
      for (Field f : new Message(model, graph.start, graph.end).all()) {
        if (f.number == 5 && f.wireType == 2) {
          flushed += tensor(model, f);
        } else if (f.number == 1 && f.wireType == 2) {
          for (Field attribute : new Message(model, f.start, f.end).fields(5)) {
            for (Field t : new Message(model, attribute.start, attribute.end).fields(5)) {
              flushed += tensor(model, t);
            }
          }
        }
      }
    }
    return flushed;
  }

  private static int tensor(byte[] model, Field tensor) {
    Message message = new Message(model, tensor.start, tensor.end);
    long type = 0;
    for (Field f : message.all()) {
      if (f.number == 2 && f.wireType == 0) {
        type = f.value;
      }
    }
    if (type != FLOAT) {
      return 0;
    }
    int flushed = 0;
    ByteBuffer values = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
    for (Field f : message.all()) {
      if ((f.number == 9 || f.number == 4) && f.wireType == 2) {
        for (int at = f.start; at + 4 <= f.end; at += 4) {
          float v = values.getFloat(at);
          if (v != 0 && Math.abs(v) < Float.MIN_NORMAL) {
            values.putFloat(at, 0f);
            flushed++;
          }
        }
      }
    }
    return flushed;
  }

  /** A field of a message: its number, wire type, and its value or the span of its bytes. */
  private record Field(int number, int wireType, long value, int start, int end) {}

  /** The fields of one protobuf message held in bytes[start, end). */
  private record Message(byte[] bytes, int start, int end) {

    java.util.List<Field> fields(int number) {
      return all().stream().filter(f -> f.number == number && f.wireType == 2).toList();
    }

    java.util.List<Field> all() {
      java.util.List<Field> fields = new java.util.ArrayList<>();
      int[] at = {start};
      while (at[0] < end) {
        long key = varint(at);
        int number = (int) (key >>> 3);
        int wireType = (int) (key & 7);
        switch (wireType) {
          case 0 -> fields.add(new Field(number, 0, varint(at), 0, 0));
          case 1 -> {
            fields.add(new Field(number, 1, 0, at[0], at[0] + 8));
            at[0] += 8;
          }
          case 2 -> {
            int length = (int) varint(at);
            if (length < 0 || at[0] + length > end) {
              throw new IllegalArgumentException("Not an ONNX model: a field overruns its message");
            }
            fields.add(new Field(number, 2, 0, at[0], at[0] + length));
            at[0] += length;
          }
          case 5 -> {
            fields.add(new Field(number, 5, 0, at[0], at[0] + 4));
            at[0] += 4;
          }
          default -> throw new IllegalArgumentException("Not an ONNX model: wire type " + wireType);
        }
      }
      return fields;
    }

    private long varint(int[] at) {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (at[0] >= end) {
          throw new IllegalArgumentException("Not an ONNX model: a truncated number");
        }
        byte b = bytes[at[0]++];
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return value;
        }
      }
      throw new IllegalArgumentException("Not an ONNX model: a number longer than 64 bits");
    }
  }
}

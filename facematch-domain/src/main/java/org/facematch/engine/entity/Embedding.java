package org.facematch.engine.entity;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A face template: an L2-normalised feature vector and the model that produced it. Templates of
 * different models are never compared. Biometric data: never logged.
 */
public record Embedding(float[] vector, String modelId) {

  /** Little-endian float32, the form stored in the database. */
  public byte[] toBytes() {
    ByteBuffer buffer =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  public static Embedding fromBytes(byte[] bytes, String modelId) {
    FloatBuffer floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] vector = new float[floats.remaining()];
    floats.get(vector);
    return new Embedding(vector, modelId);
  }

  /** Cosine similarity of two normalised templates of the same model. */
  public double cosine(Embedding other) {
    if (!modelId.equals(other.modelId) || vector.length != other.vector.length) {
      throw new IllegalArgumentException(
          "Templates of " + modelId + " and " + other.modelId + " are not comparable");
    }
    double dot = 0;
    for (int i = 0; i < vector.length; i++) {
      dot += vector[i] * other.vector[i];
    }
    return dot;
  }

  @Override
  public String toString() {
    return "Embedding[" + vector.length + " floats, " + modelId + "]";
  }
}

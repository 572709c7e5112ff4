package org.facematch.engine.control;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * An image on its way to an engine: inline bytes, or an object in the bucket. Bytes of a stored
 * object are read only when an engine (or the caller) needs them, so an engine that reads S3
 * itself, like Rekognition, gets a reference and nothing is transferred twice. Decoding happens
 * at most once.
 */
public final class EngineImage {

  /** An object in the bucket. */
  public record StoredObject(String bucket, String key) {}

  private final ImageIntake intake;
  private final StoredObject stored;
  private final Supplier<byte[]> reader;
  private final int maxBytes;
  private byte[] bytes;
  private DecodedImage decoded;

  private EngineImage(ImageIntake intake, StoredObject stored, byte[] bytes, Supplier<byte[]> reader, int maxBytes) {
    this.intake = intake;
    this.stored = stored;
    this.bytes = bytes;
    this.reader = reader;
    this.maxBytes = maxBytes;
  }

  public static EngineImage inline(byte[] bytes, ImageIntake intake) {
    return new EngineImage(intake, null, bytes, null, ImageIntake.MAX_INLINE_BYTES);
  }

  public static EngineImage stored(StoredObject object, Supplier<byte[]> reader, ImageIntake intake) {
    return new EngineImage(intake, object, null, reader, ImageIntake.MAX_STORED_BYTES);
  }

  /** The object this image was read from, if it came from the bucket. */
  public Optional<StoredObject> storedObject() {
    return Optional.ofNullable(stored);
  }

  /** Inline bytes, if the client sent them; a stored image gives none. */
  public Optional<byte[]> inlineBytes() {
    return stored == null ? Optional.of(bytes) : Optional.empty();
  }

  public synchronized byte[] bytes() {
    if (bytes == null) {
      bytes = reader.get();
    }
    return bytes;
  }

  public synchronized DecodedImage decoded() {
    if (decoded == null) {
      decoded = intake.decode(bytes(), maxBytes);
    }
    return decoded;
  }
}

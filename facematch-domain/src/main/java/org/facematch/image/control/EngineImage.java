package org.facematch.image.control;

import java.util.Optional;
import java.util.function.Supplier;
import org.facematch.image.entity.DecodedImage;
import org.facematch.image.entity.ImageFormat;

/**
 * An image on its way to an engine: inline bytes, or an object in the bucket. Bytes of a stored
 * object are read only when an engine (or the caller) needs them, so an engine that reads S3
 * itself, like Rekognition, gets a reference and nothing is transferred twice. Decoding happens at
 * most once.
 */
public final class EngineImage {

  /** An object in the bucket. */
  public record StoredObject(String bucket, String key) {}

  private final StoredObject stored;
  private final Supplier<byte[]> reader;
  private final int maxBytes;
  private byte[] bytes;
  private DecodedImage decoded;

  private EngineImage(StoredObject stored, byte[] bytes, Supplier<byte[]> reader, int maxBytes) {
    this.stored = stored;
    this.bytes = bytes;
    this.reader = reader;
    this.maxBytes = maxBytes;
  }

  public static EngineImage inline(byte[] bytes) {
    return new EngineImage(null, bytes, null, ImageIntake.MAX_INLINE_BYTES);
  }

  public static EngineImage stored(StoredObject object, Supplier<byte[]> reader) {
    return new EngineImage(object, null, reader, ImageIntake.MAX_STORED_BYTES);
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

  /** The format of the image's bytes, read if they are not yet. */
  public ImageFormat format() {
    return ImageFormat.of(bytes());
  }

  public synchronized DecodedImage decoded() {
    if (decoded == null) {
      decoded = ImageIntake.decode(bytes(), maxBytes);
    }
    return decoded;
  }
}

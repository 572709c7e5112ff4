/**
 * Images as clients send them: inline base64 or an object of the caller's own prefix in the bucket
 * ({@code ImageLoader}), recognised by content ({@code ImageFormat}: magic bytes, media type,
 * extension, truncation), checked and decoded once ({@code ImageIntake}: size and pixel limits from
 * the header, EXIF orientation, subsampled decoding of large photos). An {@code EngineImage}
 * carries the bytes (read from the bucket only when needed) and decodes itself; engines take it and
 * call nothing back.
 */
package org.facematch.image;

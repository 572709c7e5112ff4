package org.facematch.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Secrets of the local stack (console passwords, S3 keys, the JWT signing key) go into files only
 * their owner can read, from the moment they exist: created with those permissions, never chmodded
 * after writing. Files written by older versions are restricted when they are read.
 */
public final class OwnerOnlyFiles {

  public static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  public static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY)), content);
  }

  public static void restrict(Path file) throws IOException {
    Files.setPosixFilePermissions(file, OWNER_ONLY);
  }
}

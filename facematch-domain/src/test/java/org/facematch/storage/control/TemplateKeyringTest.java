package org.facematch.storage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateKeyringTest {

  static final byte[] TEMPLATE = new byte[2048];

  static {
    for (int i = 0; i < TEMPLATE.length; i++) {
      TEMPLATE[i] = (byte) (i * 31);
    }
  }

  @Test
  void sealsEachTemplateApartAndOpensItForItsOwnFaceOnly() throws IOException {
    TemplateKeyring keyring = keyring(TemplateKeyring.generate("k1"));
    TemplateKeyring.Sealed a = keyring.seal("demo", "face-1", TEMPLATE);
    TemplateKeyring.Sealed b = keyring.seal("demo", "face-1", TEMPLATE);

    assertThat(a.keyId()).isEqualTo("k1");
    assertThat(a.bytes()).hasSize(1 + 12 + TEMPLATE.length + 16).isNotEqualTo(b.bytes());
    assertThat(indexOf(a.bytes(), Arrays.copyOf(TEMPLATE, 16)))
        .as("clear text inside")
        .isEqualTo(-1);
    assertThat(keyring.open("demo", "face-1", "k1", a.bytes())).isEqualTo(TEMPLATE);
    assertThatThrownBy(() -> keyring.open("demo", "face-2", "k1", a.bytes()))
        .as("another face's row")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> keyring.open("other", "face-1", "k1", a.bytes()))
        .as("another tenant's row")
        .isInstanceOf(IllegalArgumentException.class);
    byte[] changed = a.bytes().clone();
    changed[40] ^= 1;
    assertThatThrownBy(() -> keyring.open("demo", "face-1", "k1", changed))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void opensWithTheKeyThatSealedAfterANewKeyBecameCurrent() throws IOException {
    String first = TemplateKeyring.generate("k1");
    TemplateKeyring before = keyring(first);
    TemplateKeyring.Sealed old = before.seal("demo", "face-1", TEMPLATE);
    String second = TemplateKeyring.generate("k2");
    TemplateKeyring after =
        keyring(second + first.lines().filter(l -> l.startsWith("k1=")).findFirst().orElseThrow());

    assertThat(after.currentKeyId()).isEqualTo("k2");
    assertThat(after.open("demo", "face-1", "k1", old.bytes())).isEqualTo(TEMPLATE);
    assertThat(after.seal("demo", "face-1", TEMPLATE).keyId()).isEqualTo("k2");
    assertThatThrownBy(() -> keyring(second).open("demo", "face-1", "k1", old.bytes()))
        .hasMessageContaining("not in the keyring");
  }

  @Test
  void refusesAKeyringOthersMayReadOrThatIsMalformed(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("keys.properties");
    Files.writeString(file, TemplateKeyring.generate("k1"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> TemplateKeyring.load(file)).hasMessageContaining("chmod 600");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(TemplateKeyring.load(file).currentKeyId()).isEqualTo("k1");

    assertThatThrownBy(() -> keyring("current=k9\nk1=" + "A".repeat(43) + "=\n"))
        .hasMessageContaining("no such key");
    assertThatThrownBy(() -> keyring("current=k1\nk1=AAAA\n")).hasMessageContaining("32 bytes");
  }

  private static TemplateKeyring keyring(String text) throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(text));
    return TemplateKeyring.parse(properties);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

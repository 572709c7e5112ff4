package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.facematch.stack.OwnerOnlyFiles;
import org.facematch.stack.TemplateKeyRotation;
import org.facematch.storage.control.TemplateKeyring;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Face templates are sealed at rest: the database column holds no template in clear, and the
 * rotation command re-encrypts them under a new key without changing a template.
 */
@ContainerTest
class TemplateEncryptionIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void theStoredColumnHoldsNoTemplateInClearAndRotationKeepsEveryTemplate(@TempDir Path dir)
      throws IOException {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    for (byte[] image :
        new byte[][] {
          Photos.person(Photos.PERSON_A),
          Photos.person(Photos.PERSON_B),
          Photos.person(Photos.PERSON_C)
        }) {
      Api.Reply reply =
          Api.postJson(
              "/kyc/facematch/register",
              creator,
              Requests.register(image, "subject").build().toString());
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
    Path stackKeys = TestStack.get().dataDir().resolve("keys").resolve("template-keys.properties");
    TemplateKeyring keyring = TemplateKeyring.load(stackKeys);
    Map<String, Stored> before = stored(tenant);
    assertThat(before).hasSize(3);
    Map<String, byte[]> templates = new LinkedHashMap<>();
    before.forEach(
        (id, row) -> {
          assertThat(row.keyId()).isEqualTo(keyring.currentKeyId());
          byte[] template = keyring.open(tenant, id, row.keyId(), row.bytes());
          assertThat(norm(template)).as("a template is a unit vector").isCloseTo(1.0, within());
          assertThat(norm(row.bytes()))
              .as("the stored bytes read as floats")
              .isNotCloseTo(1.0, within());
          assertThat(contains(row.bytes(), Arrays.copyOf(template, 32)))
              .as("any part of the template in clear")
              .isFalse();
          templates.put(id, template);
        });

    String original = Files.readString(stackKeys, StandardCharsets.US_ASCII);
    String oldKeys =
        original.lines().filter(l -> !l.startsWith("current=")).reduce("", (a, l) -> a + l + "\n");
    Path rotated = dir.resolve("rotated.properties");
    OwnerOnlyFiles.write(
        rotated, (TemplateKeyring.generate("key-2") + oldKeys).getBytes(StandardCharsets.US_ASCII));
    var out = new ByteArrayOutputStream();
    int status =
        TemplateKeyRotation.run(
            TestStack.get().database(),
            TemplateKeyring.load(rotated),
            tenant,
            2,
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Sealed 3 templates with key key-2")
        .contains("Templates by key now: {key-2=3}");
    assertThat(status).isZero();
    TemplateKeyring both = TemplateKeyring.load(rotated);
    stored(tenant)
        .forEach(
            (id, row) -> {
              assertThat(row.keyId()).isEqualTo("key-2");
              assertThat(both.open(tenant, id, "key-2", row.bytes())).isEqualTo(templates.get(id));
              assertThat(row.bytes()).isNotEqualTo(before.get(id).bytes());
            });

    // back to the stack's own key, which the running server reads
    String secondKey =
        Files.readAllLines(rotated).stream()
            .filter(l -> l.startsWith("key-2="))
            .findFirst()
            .orElseThrow();
    Path back = dir.resolve("back.properties");
    OwnerOnlyFiles.write(back, (original + secondKey + "\n").getBytes(StandardCharsets.US_ASCII));
    assertThat(
            TemplateKeyRotation.run(
                TestStack.get().database(),
                TemplateKeyring.load(back),
                tenant,
                500,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        .isZero();
    stored(tenant)
        .forEach(
            (id, row) -> {
              assertThat(row.keyId()).isEqualTo(keyring.currentKeyId());
              assertThat(keyring.open(tenant, id, row.keyId(), row.bytes()))
                  .isEqualTo(templates.get(id));
            });
  }

  private record Stored(byte[] bytes, String keyId) {}

  private static Map<String, Stored> stored(String tenant) {
    Map<String, Stored> rows = new LinkedHashMap<>();
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, embedding, embedding_key_id FROM faces WHERE tenant_id = ? ORDER BY id")) {
      s.setString(1, tenant);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.put(r.getString(1), new Stored(r.getBytes(2), r.getString(3)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  private static double norm(byte[] bytes) {
    ByteBuffer floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    double sum = 0;
    while (floats.remaining() >= Float.BYTES) {
      float f = floats.getFloat();
      sum += Float.isFinite(f) ? (double) f * f : 1e9;
    }
    return Math.sqrt(sum);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-3);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}

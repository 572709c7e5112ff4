package org.facematch.storage.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Face templates at rest: sealed with the configured keyring's current key before they are stored,
 * opened with whichever key sealed them when the index reads them back ({@code
 * FACEMATCH_TEMPLATE_KEYS_FILE}, see {@link TemplateKeyring}). Without a keyring templates are
 * stored in clear, with a warning at start; a row without a key id is read as clear text, which is
 * how templates stored before encryption stay readable until the rotation command seals them.
 */
@ApplicationScoped
public class TemplateCipher {

  private static final System.Logger LOGGER = System.getLogger(TemplateCipher.class.getName());

  @Inject
  @ConfigProperty(name = "facematch.template-keys.file")
  Optional<String> keyringFile;

  private Optional<TemplateKeyring> keyring;

  @PostConstruct
  void load() {
    keyring = keyringFile.filter(f -> !f.isBlank()).map(f -> TemplateKeyring.load(Path.of(f)));
    if (keyring.isEmpty()) {
      LOGGER.log(
          Level.WARNING,
          "No template keyring (FACEMATCH_TEMPLATE_KEYS_FILE): face templates are stored in clear");
    }
  }

  /**
   * The template as stored: sealed with the current key, or in clear without a keyring; none for an
   * engine that keeps its own (Rekognition).
   */
  public TemplateKeyring.Sealed seal(String tenantId, String faceId, byte[] template) {
    if (template == null) {
      return new TemplateKeyring.Sealed(null, null);
    }
    return keyring
        .map(k -> k.seal(tenantId, faceId, template))
        .orElse(new TemplateKeyring.Sealed(null, template));
  }

  /** The template of a stored row; {@code keyId} null means stored in clear. */
  public byte[] open(String tenantId, String faceId, String keyId, byte[] stored) {
    if (keyId == null) {
      return stored;
    }
    return keyring
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Face "
                        + faceId
                        + " has a template sealed with key "
                        + keyId
                        + ", and no keyring is configured"))
        .open(tenantId, faceId, keyId, stored);
  }
}

package org.facematch.kernel.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"demo", "acme-bank", "t_1.eu", "A"})
  void acceptsPlainIdentifiers(String id) {
    assertThat(new TenantId(id).value()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "-acme",
        "acme/../other",
        "a b",
        "tenant%",
        "x12345678901234567890123456789012345678901234567890123456789012345"
      })
  void rejectsAnythingThatCouldEscapeAKeyPrefixOrAQuery(String id) {
    assertThatThrownBy(() -> new TenantId(id)).isInstanceOf(FaceMatchException.class);
  }
}

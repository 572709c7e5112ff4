package org.facematch.schema.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UtcInstantConverterTest {

  final UtcInstantConverter converter = new UtcInstantConverter();

  @Test
  void keepsMillisecondsInBothDirections() {
    Instant instant = Instant.parse("2026-11-22T02:07:38.390Z");

    assertThat(converter.convertToDatabaseColumn(instant)).isEqualTo("2026-11-22 02:07:38.390");
    assertThat(converter.convertToEntityAttribute("2026-11-22 02:07:38.390")).isEqualTo(instant);
    assertThat(converter.convertToEntityAttribute("2026-11-22T02:07:38.39")).isEqualTo(instant);
    assertThat(converter.convertToEntityAttribute("2026-11-22 02:07:38"))
        .isEqualTo(Instant.parse("2026-11-22T02:07:38Z"));
    assertThat(
            converter.convertToEntityAttribute(
                java.time.LocalDateTime.parse("2026-11-22T02:07:38.390")))
        .isEqualTo(instant);
  }
}

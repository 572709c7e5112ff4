package org.facematch.schema.control;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Stores every {@link Instant} as a UTC {@code DATETIME(3)}, whatever the JVM's or the database
 * session's time zone. The value travels as text: Payara's EclipseLink does not map {@code
 * Instant}, and mysql-connector-j drops the milliseconds of temporal parameters on MariaDB (which
 * announces itself as "5.5.5-10.x", older than fractional seconds).
 */
@Converter(autoApply = true)
public class UtcInstantConverter implements AttributeConverter<Instant, Object> {

  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter();

  @Override
  public Object convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : WRITE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  /** The driver hands DATETIME back as {@link LocalDateTime}, with its milliseconds. */
  @Override
  public Instant convertToEntityAttribute(Object utc) {
    if (utc == null) {
      return null;
    }
    if (utc instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }
    if (utc instanceof java.sql.Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    return LocalDateTime.parse(utc.toString().replace('T', ' '), READ).toInstant(ZoneOffset.UTC);
  }
}

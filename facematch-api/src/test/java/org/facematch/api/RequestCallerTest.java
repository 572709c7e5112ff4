package org.facematch.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.facematch.kernel.entity.FaceMatchException;
import org.junit.jupiter.api.Test;

class RequestCallerTest {

  static final long NOW = 1_800_000_000L;

  static String token(String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".signature";
  }

  @Test
  void refusesATokenBeforeItsNotBeforeTime() {
    assertThatThrownBy(
            () -> RequestCaller.requireValidNow(token("{\"nbf\":" + (NOW + 3600) + "}"), NOW))
        .isInstanceOf(FaceMatchException.class)
        .hasMessageContaining("nbf");
    assertThatCode(() -> RequestCaller.requireValidNow(token("{\"nbf\":" + (NOW + 30) + "}"), NOW))
        .as("within the clock skew")
        .doesNotThrowAnyException();
  }

  @Test
  void refusesATokenIssuedInTheFuture() {
    assertThatThrownBy(
            () -> RequestCaller.requireValidNow(token("{\"iat\":" + (NOW + 86400) + "}"), NOW))
        .isInstanceOf(FaceMatchException.class)
        .hasMessageContaining("iat");
    assertThatCode(
            () ->
                RequestCaller.requireValidNow(
                    token("{\"iat\":" + (NOW - 10) + ",\"exp\":" + (NOW + 600) + "}"), NOW))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAnUnreadablePayload() {
    assertThatThrownBy(() -> RequestCaller.requireValidNow("no-dots", NOW))
        .isInstanceOf(FaceMatchException.class);
    assertThatThrownBy(() -> RequestCaller.requireValidNow("a.%%%.c", NOW))
        .isInstanceOf(FaceMatchException.class);
    assertThatThrownBy(() -> RequestCaller.requireValidNow(token("[1]"), NOW))
        .isInstanceOf(FaceMatchException.class);
  }
}

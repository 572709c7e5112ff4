package org.facematch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.junit.jupiter.api.Test;

class StrictJsonBodiesTest {

  static void check(String json) {
    StrictJsonBodies.check(json.getBytes(StandardCharsets.UTF_8));
  }

  static void assertMalformed(String json) {
    assertThatThrownBy(() -> check(json))
        .as(json)
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.MALFORMED_REQUEST));
  }

  @Test
  void acceptsOneObjectWithNestedValues() {
    assertThatCode(
            () -> check(" {\"image\":\"x\",\"metadata\":{\"a\":[1,{\"b\":null}],\"image\":2}} \n"))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesWhatJsonBWouldSilentlyTolerate() {
    assertMalformed("[{\"image\":\"x\"}]");
    assertMalformed("{\"image\":\"x\"} trailing");
    assertMalformed("{\"image\":\"x\"}{\"image\":\"y\"}");
    assertMalformed("{\"image\":\"x\",\"image\":\"y\"}");
    assertMalformed("{\"metadata\":{\"a\":1,\"a\":2}}");
    assertMalformed("\"just a string\"");
    assertMalformed("{\"image\":");
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThatThrownBy(() -> StrictJsonBodies.check(body))
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.MALFORMED_REQUEST));
    assertThatCode(() -> check("{\"name\":\"Zoë\"}")).doesNotThrowAnyException();
  }

  @Test
  void refusesDeepNesting() {
    assertMalformed("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}");
    assertThatCode(() -> check("{\"a\":" + "[".repeat(20) + "]".repeat(20) + "}"))
        .doesNotThrowAnyException();
  }
}

package org.facematch.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Edits of the domain.xml, on the forms Payara writes; no server needed. */
class PayaraDomainIT {

  @Test
  void sizesTheRequestThreadsInEveryFormPayaraWritesThePool() {
    String template =
        "<thread-pool name=\"http-thread-pool\" max-queue-size=\"4096\"></thread-pool>\n"
            + "<thread-pool name=\"http-thread-pool\" />\n"
            + "<thread-pool name=\"http-thread-pool\"></thread-pool>\n"
            + "<thread-pool name=\"admin-thread-pool\" max-thread-pool-size=\"50\"></thread-pool>";

    String sized = PayaraServer.sizeRequestThreads(template);

    assertThat(sized.split("\n"))
        .containsExactly(
            "<thread-pool name=\"http-thread-pool\" max-thread-pool-size=\"128\""
                + " max-queue-size=\"4096\"></thread-pool>",
            "<thread-pool name=\"http-thread-pool\" max-thread-pool-size=\"128\" />",
            "<thread-pool name=\"http-thread-pool\" max-thread-pool-size=\"128\"></thread-pool>",
            "<thread-pool name=\"admin-thread-pool\" max-thread-pool-size=\"50\"></thread-pool>");
    assertThat(PayaraServer.sizeRequestThreads(sized)).isEqualTo(sized);
  }

  @Test
  void quietsPayarasLogOfEveryRefusedTokenOnce() {
    String quiet = PayaraServer.quietRefusedTokens(".level=INFO\n");

    assertThat(quiet)
        .contains(
            "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore.level=WARNING");
    assertThat(PayaraServer.quietRefusedTokens(quiet)).isEqualTo(quiet);
  }
}

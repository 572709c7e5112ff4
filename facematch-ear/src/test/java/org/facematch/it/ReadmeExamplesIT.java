package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's API examples, run exactly as printed against the test stack: the code blocks are
 * read from README.md, with {@code FACEMATCH}, {@code TOKEN} and the three photos they name set up
 * as the README says.
 */
@ContainerTest
class ReadmeExamplesIT {

  private static final Path README = Path.of("../README.md");
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @TempDir Path folder;
  private Map<String, String> environment;

  @BeforeEach
  void photosAndEnvironment() throws IOException {
    Files.write(folder.resolve("id.jpg"), Photos.person(Photos.PERSON_A));
    Files.write(folder.resolve("selfie.jpg"), Photos.otherPictureOf(Photos.PERSON_A));
    Files.write(folder.resolve("probe.jpg"), Photos.person(Photos.PERSON_B));
    String tenant = TestTenants.enabled();
    environment =
        Map.of(
            "FACEMATCH",
            Api.uri("/").toString().replaceAll("/$", ""),
            "TOKEN",
            TestTenants.token(tenant, "kyc:read", "kyc:create").mint());
  }

  @Test
  void curlExamples() throws Exception {
    requireCommand("jq", "--version");
    List<String> blocks = new ArrayList<>();
    for (String block : blocks("bash")) {
      // The block that sets FACEMATCH and TOKEN is what the environment above does.
      if (!block.contains("export TOKEN=")) {
        blocks.add(block);
      }
    }
    StringBuilder script = new StringBuilder("set -euo pipefail\n");
    for (int i = 0; i < blocks.size(); i++) {
      script.append("echo; echo '@@").append(i).append("'\n").append(blocks.get(i)).append('\n');
    }
    Files.writeString(folder.resolve("examples.sh"), script);

    String output = run("bash", "examples.sh");
    List<String> outputs = List.of(output.split("@@\\d+\\n"));

    assertThat(outputs).as(output).hasSize(blocks.size() + 1);
    assertThat(outputs.get(1)).as("verify").contains("\"is_match\":true");
    assertThat(outputs.get(2)).as("register").contains("\"message\":\"Face registered\"");
    assertThat(outputs.get(3))
        .as("register many")
        .contains("\"registered\":2")
        .contains("\"failed\":0");
    assertThat(outputs.get(4)).as("search").contains("\"faces_in_image\":1");
    assertThat(outputs.get(5))
        .as("blacklist and delete")
        .contains("\"is_blacklisted\":true")
        .contains("\"deleted\":true");
    assertThat(outputs.get(6))
        .as("a subject's data")
        .contains("\"face_count\":1")
        .contains("\"erased\":true")
        .contains("\"faces_removed\":1");
    assertThat(outputs.get(7)).as("status").contains("\"status\":\"ACTIVE\"");
    assertThat(outputs.get(8))
        .as("upload, PUT, register by s3_uri")
        .contains("\"s3_uri\":")
        .contains("\"message\":\"Face registered\"");
    assertThat(output).doesNotContain("\"code\":");
  }

  @Test
  void javaScriptExample() throws Exception {
    requireCommand("node", "--version");
    Files.writeString(folder.resolve("facematch.mjs"), single("javascript"));

    String output = run("node", "facematch.mjs");

    assertThat(output.strip()).matches("true [0-9a-f-]{36} (Approved|In Review) \\[.*]");
  }

  @Test
  void pythonExample() throws Exception {
    requireCommand("python3", "-c", "import requests");
    Files.writeString(folder.resolve("example.py"), single("python"));

    String output = run("python3", "example.py");

    assertThat(output.strip()).matches("True [0-9a-f-]{36} (Approved|In Review) \\[.*]");
  }

  @Test
  void javaExample() throws Exception {
    Files.writeString(folder.resolve("Verify.java"), single("java"));

    String output =
        run(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "Verify.java");

    assertThat(output.strip()).startsWith("200 {").contains("\"is_match\":true");
  }

  private static List<String> blocks(String language) throws IOException {
    String readme = Files.readString(README);
    String api =
        readme.substring(
            readme.indexOf("\n## API\n"), readme.indexOf("\n## The local face engine\n"));
    List<String> blocks = new ArrayList<>();
    Matcher fence = FENCE.matcher(api);
    while (fence.find()) {
      if (fence.group(1).equals(language)) {
        blocks.add(fence.group(2));
      }
    }
    return blocks;
  }

  private static String single(String language) throws IOException {
    List<String> blocks = blocks(language);
    assertThat(blocks).as("README's " + language + " examples").hasSize(1);
    return blocks.get(0);
  }

  private String run(String... command) throws Exception {
    Path log = folder.resolve("output.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    boolean ended = process.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(ended).as("finished in 120 s: " + output).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }

  private static void requireCommand(String... probe) throws InterruptedException {
    boolean available;
    try {
      Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
      available = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      available = false;
    }
    Assumptions.assumeTrue(
        available,
        () ->
            "Skipped: the README example needs `" + String.join(" ", probe) + "` to succeed here");
  }
}

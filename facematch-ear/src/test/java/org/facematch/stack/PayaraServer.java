package org.facematch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A Payara Server 6 domain driven through {@code asadmin}. Payara Server, not Payara Micro: Micro
 * has no EAR deployer. The domain lives outside the unpacked distribution so its deployments and
 * logs survive a rebuild; ports can be shifted so a test domain and a running dev domain coexist.
 */
public final class PayaraServer implements AutoCloseable {

  public static final String DOMAIN = "domain1";
  public static final String APP_NAME = "facematch";
  private static final int[] DEFAULT_PORTS = {8080, 8181, 4848, 3700, 3820, 3920, 8686, 9009};

  private final Path installDir;
  private final Path domainsDir;
  private final int portOffset;
  private final Path serverLibs;
  private final List<Integer> gridOffsets;
  private boolean running;

  /**
   * @param serverLibs jars for the domain's {@code lib/} (ONNX Runtime): shared by all
   *     applications, loaded once, never redeployed
   */
  public PayaraServer(Path installDir, Path domainsDir, int portOffset, Path serverLibs) {
    this(installDir, domainsDir, portOffset, serverLibs, List.of(portOffset));
  }

  /**
   * @param gridOffsets the port offsets of every node of this server's cluster, itself included:
   *     their data grid members find each other by TCP on 127.0.0.1
   */
  public PayaraServer(
      Path installDir,
      Path domainsDir,
      int portOffset,
      Path serverLibs,
      List<Integer> gridOffsets) {
    this.installDir = installDir;
    this.domainsDir = domainsDir;
    this.portOffset = portOffset;
    this.serverLibs = serverLibs;
    this.gridOffsets = List.copyOf(gridOffsets);
  }

  public int gridPort() {
    return gridPort(portOffset);
  }

  private static int gridPort(int offset) {
    return 4900 + offset;
  }

  public int httpPort() {
    return 8080 + portOffset;
  }

  public int adminPort() {
    return 4848 + portOffset;
  }

  public URI baseUri() {
    return URI.create("http://localhost:" + httpPort() + "/");
  }

  public Path domainDir() {
    return domainsDir.resolve(DOMAIN);
  }

  public Path serverLog() {
    return domainsDir.resolve(DOMAIN).resolve("logs/server.log");
  }

  /** Starts the domain with the given environment, which the server's JVM inherits. */
  public void start(Map<String, String> environment) {
    prepareDomain();
    asadmin(environment, true, "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN);
    asadmin(environment, false, "start-domain", "--domaindir", domainsDir.toString(), DOMAIN);
    running = true;
  }

  public void deploy(Path ear) {
    asadmin(Map.of(), false, "deploy", "--force=true", "--name", APP_NAME, ear.toString());
  }

  /** Waits until MicroProfile Health reports the application ready. */
  public void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(baseUri().resolve("health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && serves(http, "openapi") && serves(http, "admin/")) {
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException(
        "Not ready after " + timeout + ": " + last + "; see " + serverLog());
  }

  /** Whether the path is served by the application: anything but 404 or a server error. */
  private boolean serves(HttpClient http, String path) throws IOException, InterruptedException {
    int status =
        http.send(
                HttpRequest.newBuilder(baseUri().resolve(path))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
    return status != 404 && status < 500;
  }

  @Override
  public void close() {
    if (running) {
      asadmin(Map.of(), true, "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN);
      running = false;
    }
  }

  private void prepareDomain() {
    Path domain = domainsDir.resolve(DOMAIN);
    if (!Files.exists(domain.resolve("config/domain.xml"))) {
      createDomain(domain);
    }
    addJvmOption(domain.resolve("config/domain.xml"), JSON_PROVIDER_OPTION);
    edit(domain.resolve("config/domain.xml"), PayaraServer::hideServerIdentity);
    edit(domain.resolve("config/domain.xml"), PayaraServer::disableGeneratedOpenApi);
    edit(domain.resolve("config/domain.xml"), PayaraServer::sizeRequestThreads);
    edit(domain.resolve("config/domain.xml"), this::joinGrid);
    edit(domain.resolve("config/logging.properties"), PayaraServer::quietRefusedTokens);
    try (Stream<Path> jars = Files.list(serverLibs)) {
      for (Path jar : (Iterable<Path>) jars::iterator) {
        Path target = domain.resolve("lib").resolve(jar.getFileName());
        if (!Files.exists(target) || Files.size(target) != Files.size(jar)) {
          Files.copy(jar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void createDomain(Path domain) {
    try {
      copyTree(installDir.resolve("glassfish/domains").resolve(DOMAIN), domain);
      Path domainXml = domain.resolve("config/domain.xml");
      String xml = Files.readString(domainXml);
      for (int port : DEFAULT_PORTS) {
        xml = xml.replace("port=\"" + port + "\"", "port=\"" + (port + portOffset) + "\"");
      }
      xml = xml.replace("value=\"7676\"", "value=\"" + (7676 + portOffset) + "\"");
      xml = xml.replace("-Xmx512m", "-Xmx2g");
      // its own temp folder: two servers sharing /tmp delete each other's uploaded archives
      // mid-deploy
      xml =
          xml.replace(
              "<jvm-options>-Xmx2g</jvm-options>",
              "<jvm-options>-Xmx2g</jvm-options>\n        <jvm-options>-Djava.io.tmpdir=${com.sun.aas.instanceRoot}/tmp</jvm-options>");
      Files.createDirectories(domain.resolve("tmp"));
      Files.writeString(domainXml, xml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Names the JSON-P provider once for the JVM. Without it every {@code Json.createReader}
   * (Payara's MicroProfile JWT parses each request's token with one) searches the class loaders and
   * the OSGi registry for a provider: measured as a quarter of a request thread's CPU time under
   * load. Also documented for operators' own domains in the README.
   */
  static final String JSON_PROVIDER_OPTION =
      "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl";

  /**
   * Answers carry no {@code Server} or {@code X-Powered-By} header naming Payara and the JDK: the
   * {@code http} elements' {@code server-header} and {@code xpowered-by}. Also in the README's
   * deployment steps.
   */
  private static String hideServerIdentity(String xml) {
    return xml.replaceAll(
        "<http (?![^>]*xpowered-by)", "<http xpowered-by=\"false\" server-header=\"false\" ");
  }

  /**
   * Enough request threads that every waiting request reaches the application, where engine work is
   * shared fairly between tenants: with Payara's default of 5, one tenant's flood fills the pool
   * and another tenant's request waits in the pool's queue behind it. Also in the README's
   * deployment steps. Missing on a fresh domain's first start until this matched the template.
   */
  static String sizeRequestThreads(String xml) {
    // Payara's template writes <thread-pool name="http-thread-pool" max-queue-size="4096"> and
    // <thread-pool name="http-thread-pool" />; the server rewrites them without the default.
    return xml.replaceAll(
        "<thread-pool name=\"http-thread-pool\"(?![^>]*max-thread-pool-size)",
        "<thread-pool name=\"http-thread-pool\" max-thread-pool-size=\"" + REQUEST_THREADS + "\"");
  }

  static final int REQUEST_THREADS = 128;

  /**
   * Payara's MP-JWT logs every token it refuses, with a 40-line stack trace, at INFO: whoever sends
   * bad tokens fills the log. FaceMatch audits each refusal instead. Also in the README's
   * deployment steps.
   */
  static String quietRefusedTokens(String properties) {
    return properties.contains(REFUSED_TOKEN_LOGGER)
        ? properties
        : properties + "\n" + REFUSED_TOKEN_LOGGER + ".level=WARNING\n";
  }

  static final String REFUSED_TOKEN_LOGGER =
      "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore";

  /**
   * Payara's own {@code /openapi} serves a document generated from annotations in its OpenAPI 3.0
   * model, which cannot say what the API is; the application serves its own document there instead.
   * Also in the README's deployment steps.
   */
  private static String disableGeneratedOpenApi(String xml) {
    return xml.contains("<microprofile-openapi-configuration")
        ? xml
        : xml.replace(
            "<config name=\"server-config\">",
            "<config name=\"server-config\">\n"
                + "      <microprofile-openapi-configuration enabled=\"false\">"
                + "</microprofile-openapi-configuration>");
  }

  /**
   * The data grid (Payara's Hazelcast) of this stack's nodes only: by TCP to the listed members,
   * under a cluster name of the stack's own. Payara's default ("domain" discovery, cluster name
   * "development", port 4900 and up) lets a test domain and a dev domain on one machine join one
   * grid and share, say, their rate-limit buckets. Also in the README's multi-node section.
   */
  String joinGrid(String xml) {
    String members =
        gridOffsets.stream()
            .map(o -> "127.0.0.1:" + gridPort(o))
            .collect(java.util.stream.Collectors.joining(","));
    String attributes =
        " discovery-mode=\"tcpip\" tcpip-members=\""
            + members
            + "\" das-port=\""
            + gridPort()
            + "\" start-port=\""
            + gridPort()
            + "\" auto-increment-port=\"false\" cluster-group-name=\"facematch-"
            + gridOffsets.get(0)
            + "\"";
    // the element as the template has it, or as the server rewrote it (self-closing)
    return xml.replaceFirst(
        "<hazelcast-runtime-configuration\\b[^>]*?(/?)>",
        java.util.regex.Matcher.quoteReplacement("<hazelcast-runtime-configuration" + attributes)
            + "$1>");
  }

  /** Applies the domain settings to domain.xml, also to domains made by older builds. */
  private static void edit(Path domainXml, UnaryOperator<String> change) {
    try {
      String xml = Files.readString(domainXml);
      String changed = change.apply(xml);
      if (!changed.equals(xml)) {
        Files.writeString(domainXml, changed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds a JVM option to every configuration of the domain that lacks it (domains made by older
   * builds too).
   */
  private static void addJvmOption(Path domainXml, String option) {
    try {
      String xml = Files.readString(domainXml);
      if (!xml.contains(option)) {
        Files.writeString(
            domainXml,
            xml.replace(
                "<jvm-options>-Xmx2g</jvm-options>",
                "<jvm-options>-Xmx2g</jvm-options>\n        <jvm-options>"
                    + option
                    + "</jvm-options>"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void asadmin(Map<String, String> environment, boolean mayFail, String... args) {
    List<String> command = new ArrayList<>();
    command.add(installDir.resolve("bin/asadmin").toString());
    command.add("--port");
    command.add(Integer.toString(adminPort()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes());
      int exit = process.waitFor();
      if (exit != 0 && !mayFail) {
        throw new IllegalStateException(
            "asadmin "
                + String.join(" ", args)
                + " failed ("
                + exit
                + "):\n"
                + output
                + "\nsee "
                + serverLog());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

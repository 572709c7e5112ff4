package org.facematch.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Everything FaceMatch needs on one machine: database, S3 store, Payara Server with the EAR, and
 * the dev key pair that signs tokens. {@link #main} is the README's run command; the container
 * tests start the same stack on shifted ports.
 */
public final class LocalStack implements AutoCloseable {

  private final Database database;
  private final ObjectStore objectStore;
  private final PayaraServer payara;
  private final DevKeys keys;
  private final Map<String, String> applicationEnvironment;
  private final Layout layout;
  private PayaraServer secondNode;

  /** The run command's embedded MariaDB listens here. */
  public static final int RUN_DB_PORT = 3307;

  /** The second node's ports lie this far above the first's. */
  public static final int SECOND_NODE_OFFSET = 1000;

  private LocalStack(
      Layout layout,
      Database database,
      ObjectStore objectStore,
      PayaraServer payara,
      DevKeys keys,
      Map<String, String> applicationEnvironment) {
    this.layout = layout;
    this.database = database;
    this.objectStore = objectStore;
    this.payara = payara;
    this.keys = keys;
    this.applicationEnvironment = applicationEnvironment;
  }

  /** Where a stack keeps its state and which ports it uses. */
  public record Layout(
      Path dataDir,
      Path payaraDir,
      Path serverLibs,
      int portOffset,
      int embeddedDbPort,
      int embeddedS3Port) {}

  public static LocalStack start(Layout layout, Map<String, String> env, boolean emptyDatabase) {
    DevKeys keys = DevKeys.loadOrCreate(layout.dataDir().resolve("keys"));
    Database database =
        Database.start(layout.dataDir(), layout.embeddedDbPort(), env, !emptyDatabase);
    ObjectStore objectStore = null;
    PayaraServer payara = null;
    try {
      if (emptyDatabase) {
        database.dropAllTables();
      }
      objectStore = ObjectStore.start(layout.dataDir(), layout.embeddedS3Port(), env);
      payara =
          new PayaraServer(
              layout.payaraDir(),
              layout.dataDir().resolve("domains"),
              layout.portOffset(),
              layout.serverLibs(),
              gridOffsets(layout));
      Map<String, String> application =
          applicationEnvironment(
              env, database, objectStore, keys, layout.dataDir().resolve("keys"));
      payara.start(application);
      return new LocalStack(layout, database, objectStore, payara, keys, application);
    } catch (RuntimeException e) {
      if (payara != null) {
        payara.close();
      }
      if (objectStore != null) {
        objectStore.close();
      }
      database.close();
      throw e;
    }
  }

  private static List<Integer> gridOffsets(Layout layout) {
    return List.of(layout.portOffset(), layout.portOffset() + SECOND_NODE_OFFSET);
  }

  private static Map<String, String> applicationEnvironment(
      Map<String, String> env,
      Database database,
      ObjectStore objectStore,
      DevKeys keys,
      Path keyDir) {
    Map<String, String> app = new HashMap<>(objectStore.environment());
    app.put("FACEMATCH_DB_URL", database.url());
    app.put("FACEMATCH_DB_USER", database.user());
    app.put("FACEMATCH_DB_PASSWORD", database.password());
    app.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicPem().toUri().toString());
    app.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
    app.put("MP_JWT_VERIFY_AUDIENCES", Tokens.AUDIENCE);
    app.put(
        "FACEMATCH_TEMPLATE_KEYS_FILE",
        env.getOrDefault(
            "FACEMATCH_TEMPLATE_KEYS_FILE", DevKeys.templateKeyring(keyDir).toString()));
    app.put(
        "FACEMATCH_AUDIT_SIGNING_KEY_FILE",
        env.getOrDefault(
            "FACEMATCH_AUDIT_SIGNING_KEY_FILE", DevKeys.auditSigningKey(keyDir).toString()));
    for (String own :
        new String[] {
          "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_AUDIENCES"
        }) {
      if (env.get(own) != null) {
        app.put(own, env.get(own));
      }
    }
    // the Rekognition engine's settings and the AWS SDK's own; the embedded s3proxy's keys win
    env.forEach(
        (name, value) -> {
          if (name.startsWith("FACEMATCH_REKOGNITION_")
              || name.startsWith("FACEMATCH_RETENTION_")
              || name.startsWith("FACEMATCH_AUDIT_")
              || name.startsWith("FACEMATCH_JOBS_")
              || name.startsWith("FACEMATCH_TEMPLATE_")
              || name.equals("FACEMATCH_ENGINE_DEFAULT")
              || name.startsWith("AWS_")) {
            app.putIfAbsent(name, value);
          }
        });
    return app;
  }

  public void deploy(Path ear) {
    payara.deploy(ear);
    payara.awaitReady(Duration.ofMinutes(3));
  }

  /** Restarts the server with the deployed application: a fresh JVM, unlike a redeployment. */
  public void restartServer() {
    payara.start(applicationEnvironment);
    payara.awaitReady(Duration.ofMinutes(3));
  }

  /**
   * Starts (or restarts) a second node of the same cluster: its own domain and index, ports {@link
   * #SECOND_NODE_OFFSET} higher, the same database and object store. The first start deploys the
   * EAR.
   *
   * @param environment settings of the second node only, on top of the first node's
   */
  public PayaraServer startSecondNode(Path ear, Map<String, String> environment) {
    boolean first = secondNode == null;
    if (first) {
      // a fresh domain each run: redeploying over an earlier run's deployment fails in Payara with
      // "Invalid resource java:app/jdbc/facematch__nontx"
      deleteTree(layout.dataDir().resolve("domains-2"));
      secondNode =
          new PayaraServer(
              layout.payaraDir(),
              layout.dataDir().resolve("domains-2"),
              layout.portOffset() + SECOND_NODE_OFFSET,
              layout.serverLibs(),
              gridOffsets(layout));
    }
    Map<String, String> env = new HashMap<>(applicationEnvironment);
    env.putAll(environment);
    secondNode.start(env);
    if (first) {
      secondNode.deploy(ear);
    }
    secondNode.awaitReady(Duration.ofMinutes(3));
    return secondNode;
  }

  private static void deleteTree(Path dir) {
    if (!java.nio.file.Files.exists(dir)) {
      return;
    }
    try (var files = java.nio.file.Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(p);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Stops the second node, if it runs; its domain and index stay for the next start. */
  public void stopSecondNode() {
    if (secondNode != null) {
      secondNode.close();
    }
  }

  /** Stops the server, does what must happen while it is down, and starts it again. */
  public void restartServer(Runnable whileStopped) {
    payara.close();
    whileStopped.run();
    restartServer();
  }

  /** Where the server keeps its search indexes (the default: inside its domain). */
  public Path indexDir() {
    return payara.domainDir().resolve("facematch-index");
  }

  public Path dataDir() {
    return layout.dataDir();
  }

  public Database database() {
    return database;
  }

  public ObjectStore objectStore() {
    return objectStore;
  }

  public PayaraServer payara() {
    return payara;
  }

  public DevKeys keys() {
    return keys;
  }

  @Override
  public void close() {
    stopSecondNode();
    payara.close();
    objectStore.close();
    database.close();
  }

  /** The run command's data folder: {@code FACEMATCH_DATA_DIR}, or {@code ~/.facematch}. */
  public static Path dataDir(Map<String, String> env) {
    return Path.of(
            env.getOrDefault("FACEMATCH_DATA_DIR", System.getProperty("user.home") + "/.facematch"))
        .toAbsolutePath();
  }

  public static void main(String[] args) throws InterruptedException {
    Instant begin = Instant.now();
    Map<String, String> env = System.getenv();
    Path dataDir = dataDir(env);
    var layout =
        new Layout(
            dataDir,
            Path.of(System.getProperty("facematch.payara.dir")),
            Path.of(System.getProperty("facematch.server.libs")),
            0,
            RUN_DB_PORT,
            9000);
    System.out.println("Starting FaceMatch (data in " + dataDir + ") ...");
    LocalStack stack = start(layout, env, false);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping FaceMatch ...");
                  stack.close();
                  stopped.countDown();
                }));
    stack.deploy(Path.of(System.getProperty("facematch.ear")));
    DemoData demo = DemoData.loadOrCreate(dataDir);
    demo.seed(stack.database());
    printBanner(stack, demo, Duration.between(begin, Instant.now()));
    stopped.await();
  }

  private static void printBanner(LocalStack stack, DemoData demo, Duration took) {
    String base = "http://localhost:" + stack.payara().httpPort();
    String token =
        Tokens.signedWith(stack.keys().privateKey())
            .tenant(DemoData.TENANT)
            .subject("demo-client")
            .groups("kyc:read", "kyc:create")
            .expires(Instant.now().plus(Duration.ofHours(24)))
            .mint();
    System.out.printf(
        """

        FaceMatch is ready (%d s).
          API       %s/kyc/facematch
          OpenAPI   %s/openapi
          Health    %s/health/ready
          Console   %s/admin
            support staff   %s / %s
            tenant admin    %s / %s   (tenant "%s")
          Database  %s
          S3        %s (bucket %s)

        Demo token for tenant "%s" (kyc:read, kyc:create; expires in 24 h):
          export FACEMATCH=%s
          export TOKEN=%s
          curl -H "Authorization: Bearer $TOKEN" "$FACEMATCH/kyc/facematch/collections/status"

        Ctrl-C stops everything; data stays in the data folder.
        """,
        took.toSeconds(),
        base,
        base,
        base,
        base,
        DemoData.SUPPORT_USER,
        demo.password(DemoData.SUPPORT_USER),
        DemoData.TENANT_ADMIN_USER,
        demo.password(DemoData.TENANT_ADMIN_USER),
        DemoData.TENANT,
        stack.database().isEmbedded()
            ? "embedded MariaDB, " + stack.database().url()
            : stack.database().url(),
        stack.objectStore().endpoint(),
        stack.objectStore().bucket(),
        DemoData.TENANT,
        base,
        token);
  }
}

package org.facematch.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.facematch.image.control.TestImages;
import org.facematch.stack.DemoData;
import org.facematch.stack.LocalStack;
import org.facematch.stack.Tokens;

/**
 * Verify and search through the real EAR on Payara Server: server-side latency percentiles and
 * throughput. Starts its own stack (ports shifted by 20000, data in target/bench-data).
 *
 * <p>{@code mvn -Papi-benchmark -pl facematch-ear -am verify} (after a build); {@code
 * -Dfacematch.bench.search=false} measures verify only.
 */
public final class ApiBenchmark {

  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    Path data =
        Path.of(System.getProperty("facematch.bench.dir", "target/bench-data")).toAbsolutePath();
    var layout =
        new LocalStack.Layout(
            data,
            Path.of(System.getProperty("facematch.payara.dir")),
            Path.of(System.getProperty("facematch.server.libs")),
            20_000,
            23307,
            29000);
    // reuse: the previous run's database and index, to time a cold start again without
    // writing a large gallery again
    boolean reuse = Boolean.getBoolean("facematch.bench.reuse");
    try (LocalStack stack = LocalStack.start(layout, System.getenv(), !reuse)) {
      Path ear = Path.of(System.getProperty("facematch.ear"));
      stack.deploy(ear);
      String tenant =
          reuse ? largestTenant(stack) : "bench-" + UUID.randomUUID().toString().substring(0, 8);
      if (!reuse) {
        try (Connection c = stack.database().connect()) {
          DemoData.insertTenant(c, tenant, "Benchmark", true);
          withoutReachableQuota(c, tenant); // the engine is measured here, not the rate limits
        }
      }
      String token =
          Tokens.signedWith(stack.keys().privateKey())
              .tenant(tenant)
              .groups("kyc:read", "kyc:create")
              .expires(Instant.now().plus(Duration.ofHours(2)))
              .mint();
      URI base = stack.payara().baseUri();
      byte[] photo = TestImages.samplePhoto(2);
      String source = Base64.getEncoder().encodeToString(TestImages.vga(photo, 0, 0.92f));
      String target = Base64.getEncoder().encodeToString(TestImages.vga(photo, 40, 0.8f));
      String verify =
          Json.createObjectBuilder()
              .add("image_format", "base64")
              .add("source_image", source)
              .add("target_image", target)
              .build()
              .toString();

      // Steady state is measured: Payara's JIT compiler still takes 40% of a core after 600 calls.
      boolean measureVerify =
          !reuse && Boolean.parseBoolean(System.getProperty("facematch.bench.verify", "true"));
      run(
          base.resolve("kyc/facematch/verify"),
          token,
          verify,
          Integer.getInteger("facematch.bench.warmup", 1500),
          4);
      for (int clients : measureVerify ? new int[] {1, 4} : new int[0]) {
        run(base.resolve("kyc/facematch/verify"), token, verify, 20, clients);
        Result r =
            run(
                base.resolve("kyc/facematch/verify"),
                token,
                verify,
                clients == 1 ? 300 : 1200,
                clients);
        System.out.printf(
            Locale.ROOT,
            "verify, %d client(s): server p50 %.0f ms, p99 %.0f ms; client p50 %.0f ms; %.1f verify/s%n",
            clients,
            r.server(0.5),
            r.server(0.99),
            r.client(0.5),
            r.perSecond());
      }

      if (Boolean.parseBoolean(System.getProperty("facematch.bench.batch", "true"))) {
        batches(base, token, photo);
      }
      if (Boolean.parseBoolean(System.getProperty("facematch.bench.nodes", "true"))) {
        twoNodes(stack, ear, base, token, photo);
      }
      if (Boolean.parseBoolean(System.getProperty("facematch.bench.fairness", "true"))) {
        fairness(stack, base, verify);
      }
      if (!Boolean.parseBoolean(System.getProperty("facematch.bench.search", "true"))) {
        return;
      }
      String search =
          Json.createObjectBuilder()
              .add("image_format", "base64")
              .add("image", source)
              .build()
              .toString();
      if (reuse) {
        coldStart(stack, token, search, (long) indexFaces(base));
        return;
      }
      searches(stack, tenant, token, search);
    }
  }

  /**
   * How soon a registration on node A is searchable on node B: after each 201 from A, B's {@code
   * facematch_index_faces} gauge (which counts what B's searches see) is read until it has grown.
   */
  static void twoNodes(LocalStack stack, Path ear, URI a, String token, byte[] photo)
      throws Exception {
    URI b = stack.startSecondNode(ear, java.util.Map.of()).baseUri();
    String body =
        Json.createObjectBuilder()
            .add("image_format", "base64")
            .add("image", Base64.getEncoder().encodeToString(TestImages.vga(photo, 0, 0.9f)))
            .build()
            .toString();
    List<Double> millis = new ArrayList<>();
    try {
      double faces = indexFaces(b);
      for (int i = 0; i < 60; i++) {
        String item = body.substring(0, body.length() - 1) + ",\"session_id\":\"nodes-" + i + "\"}";
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(a.resolve("kyc/facematch/register"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(item))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        long registered = System.nanoTime();
        if (r.statusCode() != 201) {
          throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        while (indexFaces(b) < faces + 1) {
          if (System.nanoTime() - registered > 30_000_000_000L) {
            throw new IllegalStateException("Node B never saw registration " + i);
          }
        }
        millis.add((System.nanoTime() - registered) / 1e6);
        faces++;
      }
    } finally {
      stack.stopSecondNode();
    }
    List<Double> measured = new ArrayList<>(millis.subList(10, millis.size()));
    measured.sort(null);
    System.out.printf(
        Locale.ROOT,
        "two nodes: a registration on A is searchable on B after p50 %.1f ms, p99 %.1f ms,"
            + " max %.1f ms (%d registrations after 10 to warm up; B polls its logs every 2 s)%n",
        measured.get(measured.size() / 2),
        measured.get((int) Math.min(measured.size() - 1, Math.ceil(measured.size() * 0.99) - 1)),
        measured.get(measured.size() - 1),
        measured.size());
  }

  private static double indexFaces(URI node) throws Exception {
    return gauge(node, "facematch_index_faces");
  }

  private static double lag(URI node) throws Exception {
    return gauge(node, "facematch_index_lag_changes");
  }

  private static double gauge(URI node, String name) throws Exception {
    String metrics =
        HTTP.send(
                HttpRequest.newBuilder(node.resolve("metrics"))
                    .header("Accept", "text/plain")
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    var m =
        java.util.regex.Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(2)) : 0;
  }

  /**
   * Batch registration of 640x480 JPEGs, 50 per call: one call at a time, then two at once. Each
   * call's faces per second are its 50 items over its own time; the first calls warm up.
   */
  static void batches(URI base, String token, byte[] photo) throws Exception {
    URI uri = base.resolve("kyc/facematch/register/batch");
    List<String> images = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      images.add(Base64.getEncoder().encodeToString(TestImages.vga(photo, 4 * i, 0.9f)));
    }
    java.util.concurrent.atomic.AtomicInteger session =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Supplier<String> batch =
        () -> {
          var items = Json.createArrayBuilder();
          for (int i = 0; i < 50; i++) {
            items.add(
                Json.createObjectBuilder()
                    .add("image_format", "base64")
                    .add("image", images.get(i % images.size()))
                    .add("session_id", "batch-" + session.incrementAndGet()));
          }
          return Json.createObjectBuilder().add("items", items).build().toString();
        };
    for (int clients : new int[] {1, 2}) {
      int calls = clients * 6;
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<Long>> done = new ArrayList<>();
      long begin = System.nanoTime();
      for (int c = 0; c < calls; c++) {
        String body = batch.get();
        done.add(
            pool.submit(
                () -> {
                  long t = System.nanoTime();
                  HttpResponse<String> r =
                      HTTP.send(
                          HttpRequest.newBuilder(uri)
                              .header("Authorization", "Bearer " + token)
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (r.statusCode() != 200 || !r.body().contains("\"failed\":0")) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                  }
                  return System.nanoTime() - t;
                }));
      }
      List<Long> nanos = new ArrayList<>();
      for (var f : done) {
        nanos.add(f.get());
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      pool.shutdown();
      List<Long> measured = nanos.subList(clients * 2, nanos.size());
      double perCall = measured.stream().mapToLong(Long::longValue).average().orElse(0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "register/batch, %d client(s), 50 VGA JPEGs per call: %.2f s per call after warm-up,"
              + " %.0f faces/s per call, %.0f faces/s in all (%d calls in %.1f s)%n",
          clients,
          perCall,
          50 / perCall,
          calls * 50 / seconds,
          calls,
          seconds);
    }
  }

  /**
   * Tenant B's verify latency (1 client) alone, then while tenant A floods verify with 12 clients:
   * once with A held at a quota of 120 per minute (most of its flood refused), once with a quota A
   * never reaches, so only the engine turns stand between the two.
   */
  static void fairness(LocalStack stack, URI base, String verify) throws Exception {
    URI uri = base.resolve("kyc/facematch/verify");
    String flooder = "bench-a-" + UUID.randomUUID().toString().substring(0, 8);
    String unlimited = "bench-u-" + UUID.randomUUID().toString().substring(0, 8);
    String victim = "bench-b-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = stack.database().connect()) {
      DemoData.insertTenant(c, flooder, "Flooder", true);
      DemoData.insertTenant(c, unlimited, "Flooder without quota", true);
      DemoData.insertTenant(c, victim, "Bystander", true);
      withoutReachableQuota(c, unlimited);
      withoutReachableQuota(c, victim); // B's own quota is not what is measured
      // A quota the flood uses up within its first seconds, so A is at its limit throughout.
      rateLimits(c, flooder, 120, 600, 300, 1200);
    }
    int samples = Integer.getInteger("facematch.bench.fairness.samples", 200);
    String b = token(stack, victim);
    run(uri, b, verify, 20, 1);
    Result alone = run(uri, b, verify, samples, 1);
    System.out.printf(
        Locale.ROOT,
        "fairness: tenant B alone, 1 client: client p50 %.0f ms, p99 %.0f ms%n",
        alone.client(0.5),
        alone.client(0.99));
    for (String a : List.of(flooder, unlimited)) {
      Flood flood = Flood.start(uri, token(stack, a), verify, 12);
      Thread.sleep(8_000);
      Result during = run(uri, b, verify, samples, 1);
      Flood.Counts counts = flood.stop();
      System.out.printf(
          Locale.ROOT,
          "fairness: tenant B while tenant A floods with 12 clients (%s): client p50 %.0f ms"
              + " (%.2fx alone), p99 %.0f ms; A got %.1f verify/s, %.1f refusals/s (429)%n",
          a.equals(flooder) ? "A at its verify quota of 120/min" : "A without a reachable quota",
          during.client(0.5),
          during.client(0.5) / alone.client(0.5),
          during.client(0.99),
          counts.ok() / counts.seconds(),
          counts.limited() / counts.seconds());
    }
    // B alone again, warm: on this VM B measured faster during a flood than alone before it.
    Result after = run(uri, b, verify, samples, 1);
    System.out.printf(
        Locale.ROOT,
        "fairness: tenant B alone again after the floods: client p50 %.0f ms, p99 %.0f ms%n",
        after.client(0.5),
        after.client(0.99));
  }

  static void withoutReachableQuota(Connection c, String tenant) throws java.sql.SQLException {
    rateLimits(c, tenant, 100000, 100000, 100000, 100000);
  }

  /** Per-minute quotas for verify, search, register and everything else. */
  static void rateLimits(
      Connection c, String tenant, int verify, int search, int register, int other)
      throws java.sql.SQLException {
    try (var s =
        c.prepareStatement(
            "INSERT INTO tenant_rate_limits VALUES (?, ?, ?, ?, ?, 1, NOW(3), 'benchmark')")) {
      s.setString(1, tenant);
      s.setInt(2, verify);
      s.setInt(3, search);
      s.setInt(4, register);
      s.setInt(5, other);
      s.executeUpdate();
    }
  }

  static String token(LocalStack stack, String tenant) {
    return Tokens.signedWith(stack.keys().privateKey())
        .tenant(tenant)
        .groups("kyc:read", "kyc:create")
        .expires(Instant.now().plus(Duration.ofHours(2)))
        .mint();
  }

  /** Clients that send the same request back to back until stopped, counting answers. */
  record Flood(
      ExecutorService pool,
      java.util.concurrent.atomic.AtomicBoolean running,
      java.util.concurrent.atomic.AtomicLong ok,
      java.util.concurrent.atomic.AtomicLong limited,
      long begin) {

    record Counts(long ok, long limited, double seconds) {}

    static Flood start(URI uri, String token, String body, int clients) {
      Flood flood =
          new Flood(
              Executors.newFixedThreadPool(clients),
              new java.util.concurrent.atomic.AtomicBoolean(true),
              new java.util.concurrent.atomic.AtomicLong(),
              new java.util.concurrent.atomic.AtomicLong(),
              System.nanoTime());
      byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      for (int i = 0; i < clients; i++) {
        flood.pool.submit(
            () -> {
              while (flood.running.get()) {
                HttpResponse<Void> response =
                    HTTP.send(post(uri, token, bytes), HttpResponse.BodyHandlers.discarding());
                switch (response.statusCode()) {
                  case 200 -> flood.ok.incrementAndGet();
                  case 429 -> flood.limited.incrementAndGet();
                  default -> throw new IllegalStateException("flood got " + response.statusCode());
                }
              }
              return null;
            });
      }
      return flood;
    }

    Counts stop() throws InterruptedException {
      running.set(false);
      double seconds = (System.nanoTime() - begin) / 1e9;
      pool.shutdown();
      pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
      return new Counts(ok.get(), limited.get(), seconds);
    }
  }

  static HttpRequest post(URI uri, String token, byte[] json) {
    return HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
        .build();
  }

  record Result(double[] server, double[] client, double seconds) {
    double server(double p) {
      return server[Math.min(server.length - 1, (int) (p * server.length))];
    }

    double client(double p) {
      return client[Math.min(client.length - 1, (int) (p * client.length))];
    }

    double perSecond() {
      return server.length / seconds;
    }
  }

  static Result run(URI uri, String token, String body, int requests, int clients)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, clients));
    byte[] bytes =
        body.getBytes(
            java.nio.charset.StandardCharsets
                .UTF_8); // encoded once: the load generator shares the CPUs
    List<Future<double[]>> futures = new ArrayList<>();
    long begin = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      futures.add(
          pool.submit(
              () -> {
                long t0 = System.nanoTime();
                HttpResponse<String> response =
                    HTTP.send(post(uri, token, bytes), HttpResponse.BodyHandlers.ofString());
                double client = (System.nanoTime() - t0) / 1e6;
                if (response.statusCode() != 200) {
                  throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
                String field =
                    json.containsKey("processing_time_ms")
                        ? "processing_time_ms"
                        : "search_time_ms";
                return new double[] {json.getJsonNumber(field).doubleValue(), client};
              }));
    }
    double[] server = new double[requests];
    double[] client = new double[requests];
    for (int i = 0; i < requests; i++) {
      double[] r = futures.get(i).get();
      server[i] = r[0];
      client[i] = r[1];
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    pool.shutdown();
    java.util.Arrays.sort(server);
    java.util.Arrays.sort(client);
    return new Result(server, client, seconds);
  }

  /**
   * Search through the API over galleries of growing size (-Dfacematch.bench.search.sizes), then a
   * cold start of the server with the largest. The gallery's templates have real structure: the
   * engine's own templates of the shared photos (-Dfacematch.shared.faces), registered through the
   * API, mixed and perturbed as the index benchmark does, written straight into the database with
   * their change-log entries, as a bulk import on another node would leave them. The running node
   * catches up through its change-log feed, which is timed too.
   */
  static void searches(LocalStack stack, String tenant, String token, String search)
      throws Exception {
    URI base = stack.payara().baseUri();
    List<float[]> real = registerSharedPhotos(stack, base, tenant, token);
    Random random = new Random(11);
    long faces = (long) indexFaces(base);
    for (String value :
        System.getProperty("facematch.bench.search.sizes", "10000,100000").split(",")) {
      int size = Integer.parseInt(value.trim());
      if (size > faces) {
        long t0 = System.nanoTime();
        insertFaces(stack, tenant, (int) (size - faces), real, random);
        double inserted = (System.nanoTime() - t0) / 1e9;
        faces = size;
        while (indexFaces(base) < faces || lag(base) > 0) {
          Thread.sleep(1000);
        }
        double caughtUp = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "gallery of %,d faces: written to the database in %.0f s; the running node had"
                + " applied every change %.0f s after the first was written%n",
            size,
            inserted,
            caughtUp);
      }
      run(base.resolve("kyc/facematch/search"), token, search, 100, 1);
      Result r = run(base.resolve("kyc/facematch/search"), token, search, 200, 1);
      System.out.printf(
          Locale.ROOT,
          "search over %,d faces, 1 client: server (decode, engine, index, report) p50 %.0f ms,"
              + " p99 %.0f ms; client p50 %.0f ms, p99 %.0f ms%n",
          size,
          r.server(0.5),
          r.server(0.99),
          r.client(0.5),
          r.client(0.99));
    }
    coldStart(stack, token, search, faces);
  }

  /** Stops the server, starts it again and times it to ready and to its first search. */
  static void coldStart(LocalStack stack, String token, String search, long faces)
      throws Exception {
    URI base = stack.payara().baseUri();
    stack.payara().close();
    long t0 = System.nanoTime();
    stack.restartServer();
    double ready = (System.nanoTime() - t0) / 1e9;
    Result first = run(base.resolve("kyc/facematch/search"), token, search, 1, 1);
    double searched = (System.nanoTime() - t0) / 1e9;
    String warmup =
        java.nio.file.Files.readAllLines(stack.payara().serverLog()).stream()
            .filter(l -> l.contains("Search index ready"))
            .reduce((a, b) -> b)
            .orElse("(no index line in the server log)");
    System.out.printf(
        Locale.ROOT,
        "cold start with %,d faces: start-domain to ready %.1f s, to the first search answered"
            + " %.1f s (that search %.0f ms); the server logged: %s%n",
        faces,
        ready,
        searched,
        first.client(0.5),
        warmup.substring(warmup.indexOf("Search index ready")));
    // the fresh JVM, warmed up the way the verify runs are, gives the steady-state figure
    run(
        base.resolve("kyc/facematch/search"),
        token,
        search,
        Integer.getInteger("facematch.bench.warmup", 1500),
        2);
    Result r = run(base.resolve("kyc/facematch/search"), token, search, 300, 1);
    System.out.printf(
        Locale.ROOT,
        "search over %,d faces after the restart and a warm-up, 1 client: server p50 %.0f ms,"
            + " p99 %.0f ms; client p50 %.0f ms, p99 %.0f ms%n",
        faces,
        r.server(0.5),
        r.server(0.99),
        r.client(0.5),
        r.client(0.99));
  }

  static String largestTenant(LocalStack stack) throws Exception {
    try (Connection c = stack.database().connect();
        var rows =
            c.createStatement()
                .executeQuery(
                    "SELECT tenant_id FROM change_sequences ORDER BY last_seq DESC LIMIT 1")) {
      if (!rows.next()) {
        throw new IllegalStateException("No earlier benchmark data to reuse");
      }
      return rows.getString(1);
    }
  }

  /** Registers the shared photos that hold one face; answers their templates as stored. */
  static List<float[]> registerSharedPhotos(LocalStack stack, URI base, String tenant, String token)
      throws Exception {
    Path shared = Path.of(System.getProperty("facematch.shared.faces", "../../shared/faces"));
    List<Path> photos;
    try (var files = java.nio.file.Files.walk(shared)) {
      photos =
          files
              .filter(f -> f.toString().matches("(?i).*\\.(jpe?g|png)$"))
              .sorted()
              .limit(Integer.getInteger("facematch.bench.search.photos", 600))
              .toList();
    }
    int session = 0;
    for (Path photo : photos) {
      String body =
          Json.createObjectBuilder()
              .add("image_format", "base64")
              .add(
                  "image",
                  Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(photo)))
              .add("session_id", "shared-" + session++)
              .build()
              .toString();
      HTTP.send(
          post(base.resolve("kyc/facematch/register"), token, body.getBytes()),
          HttpResponse.BodyHandlers.discarding());
    }
    List<float[]> templates = new ArrayList<>();
    try (Connection c = stack.database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT embedding FROM faces WHERE tenant_id = ? AND session_id LIKE 'shared-%'")) {
      s.setString(1, tenant);
      try (var rows = s.executeQuery()) {
        while (rows.next()) {
          ByteBuffer b = ByteBuffer.wrap(rows.getBytes(1)).order(ByteOrder.LITTLE_ENDIAN);
          float[] v = new float[b.remaining() / 4];
          b.asFloatBuffer().get(v);
          templates.add(v);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d templates of %d shared photos from %s%n",
        templates.size(),
        photos.size(),
        shared);
    if (templates.size() < 50) {
      throw new IllegalStateException("Too few shared photos registered from " + shared);
    }
    return templates;
  }

  /**
   * Faces straight into the database with their change-log entries, 1000 per transaction, under the
   * lock of the tenant's change_sequences row as the application takes it. Each identity mixes two
   * real templates and has 1-3 photos, each the identity plus noise of norm 0.75 (two photos of one
   * identity then score about 0.65, like two real photos of one person).
   */
  static void insertFaces(
      LocalStack stack, String tenant, int count, List<float[]> real, Random random)
      throws Exception {
    int dim = real.get(0).length;
    try (Connection c = stack.database().connect();
        PreparedStatement lock =
            c.prepareStatement(
                "SELECT last_seq FROM change_sequences WHERE tenant_id = ? FOR UPDATE");
        PreparedStatement head =
            c.prepareStatement("UPDATE change_sequences SET last_seq = ? WHERE tenant_id = ?");
        PreparedStatement face =
            c.prepareStatement(
                "INSERT INTO faces (id, tenant_id, session_id, engine_face_id, s3_key,"
                    + " model_version, embedding, quality, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, 'faceplugin-0.0.1', ?, 1, UTC_TIMESTAMP(3))");
        PreparedStatement change =
            c.prepareStatement(
                "INSERT INTO face_changes (tenant_id, seq, face_id, kind, engine, changed_at)"
                    + " VALUES (?, ?, ?, 'registered', 'faceplugin-0.0.1', UTC_TIMESTAMP(3))")) {
      c.setAutoCommit(false);
      float[] identity = new float[dim];
      int photosLeft = 0;
      int written = 0;
      while (written < count) {
        int chunk = Math.min(1000, count - written);
        lock.setString(1, tenant);
        long seq;
        try (var rows = lock.executeQuery()) {
          rows.next();
          seq = rows.getLong(1);
        }
        for (int i = 0; i < chunk; i++) {
          if (photosLeft == 0) {
            float[] a = real.get(random.nextInt(real.size()));
            float[] b = real.get(random.nextInt(real.size()));
            double w = 0.35 + 0.3 * random.nextDouble();
            for (int d = 0; d < dim; d++) {
              identity[d] = (float) (w * a[d] + (1 - w) * b[d]);
            }
            normalise(identity);
            photosLeft = 1 + random.nextInt(3);
          }
          photosLeft--;
          float[] v = new float[dim];
          for (int d = 0; d < dim; d++) {
            v[d] = identity[d] + 0.75f * (float) (random.nextGaussian() / Math.sqrt(dim));
          }
          normalise(v);
          ByteBuffer buffer = ByteBuffer.allocate(dim * 4).order(ByteOrder.LITTLE_ENDIAN);
          for (float x : v) {
            buffer.putFloat(x);
          }
          String id = UUID.randomUUID().toString();
          face.setString(1, id);
          face.setString(2, tenant);
          face.setString(3, "bulk-" + (written + i) / 2);
          face.setString(4, id);
          face.setString(5, "tenants/" + tenant + "/faces/" + id + ".jpg");
          face.setBytes(6, buffer.array());
          face.addBatch();
          change.setString(1, tenant);
          change.setLong(2, ++seq);
          change.setString(3, id);
          change.addBatch();
        }
        face.executeBatch();
        change.executeBatch();
        head.setLong(1, seq);
        head.setString(2, tenant);
        head.executeUpdate();
        c.commit();
        written += chunk;
      }
    }
  }

  static void normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    float inv = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
  }
}

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
    try (LocalStack stack = LocalStack.start(layout, System.getenv(), true)) {
      Path ear = Path.of(System.getProperty("facematch.ear"));
      stack.deploy(ear);
      String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
      try (Connection c = stack.database().connect()) {
        DemoData.insertTenant(c, tenant, "Benchmark", true);
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
      run(
          base.resolve("kyc/facematch/verify"),
          token,
          verify,
          Integer.getInteger("facematch.bench.warmup", 1500),
          4);
      for (int clients : new int[] {1, 4}) {
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

      if (!Boolean.parseBoolean(System.getProperty("facematch.bench.search", "true"))) {
        return;
      }
      String search =
          Json.createObjectBuilder()
              .add("image_format", "base64")
              .add("image", source)
              .build()
              .toString();
      int inserted = 0;
      for (int size : new int[] {10_000, 100_000}) {
        insertRandomFaces(stack, tenant, size - inserted);
        inserted = size;
        stack.restartServer(); // the index is loaded at startup; a fresh JVM, as redeployments slow
        // the engine down
        run(base.resolve("kyc/facematch/search"), token, search, 50, 0);
        Result r = run(base.resolve("kyc/facematch/search"), token, search, 100, 1);
        System.out.printf(
            Locale.ROOT,
            "search over %,d faces: server (decode, engine, index, report) p50 %.0f ms, p99 %.0f ms; client p50 %.0f ms%n",
            size,
            r.server(0.5),
            r.server(0.99),
            r.client(0.5));
      }
    }
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
                    HTTP.send(
                        HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
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

  /** Random unit templates straight into the database: the index scan costs the same. */
  static void insertRandomFaces(LocalStack stack, String tenant, int count) throws Exception {
    Random random = new Random(count);
    try (Connection c = stack.database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO faces (id, tenant_id, session_id, engine_face_id, s3_key, model_version, embedding,"
                    + " quality, created_at) VALUES (?, ?, ?, ?, ?, 'faceplugin-0.0.1', ?, 1, UTC_TIMESTAMP(3))")) {
      c.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        String id = UUID.randomUUID().toString();
        ByteBuffer buffer = ByteBuffer.allocate(512 * 4).order(ByteOrder.LITTLE_ENDIAN);
        double sum = 0;
        float[] v = new float[512];
        for (int d = 0; d < 512; d++) {
          v[d] = (float) random.nextGaussian();
          sum += v[d] * v[d];
        }
        for (int d = 0; d < 512; d++) {
          buffer.putFloat((float) (v[d] / Math.sqrt(sum)));
        }
        s.setString(1, id);
        s.setString(2, tenant);
        s.setString(3, "bench-" + i);
        s.setString(4, id);
        s.setString(5, "tenants/" + tenant + "/faces/" + id + ".jpg");
        s.setBytes(6, buffer.array());
        s.addBatch();
        if (i % 1000 == 999) {
          s.executeBatch();
          c.commit();
        }
      }
      s.executeBatch();
      c.commit();
    }
  }
}

package org.facematch.it;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.facematch.stack.LocalStack;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the local stack once for the whole test run (database emptied, s3proxy, Payara Server on
 * ports shifted by 10000) and stops it when the run ends. Arquillian then deploys the real EAR to
 * that server.
 */
public final class TestStack implements BeforeAllCallback {

  /** Another offset ({@code -Dfacematch.it.port-offset=20000}) lets two checkouts test at once. */
  static final int PORT_OFFSET = Integer.getInteger("facematch.it.port-offset", 10_000);

  /** Where the Rekognition stand-in (WireMock, started by the tests that use it) listens. */
  static final int REKOGNITION_PORT = 8700 + PORT_OFFSET;

  private static volatile LocalStack stack;

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(TestStack.class, key -> new Running(start()), Running.class);
  }

  /** The running stack; only valid inside a test class annotated with {@link ContainerTest}. */
  public static LocalStack get() {
    if (stack == null) {
      throw new IllegalStateException(
          "The test stack is not running: annotate the test with @ContainerTest");
    }
    return stack;
  }

  private static LocalStack start() {
    var layout =
        new LocalStack.Layout(
            Path.of(System.getProperty("facematch.data.dir", "target/it-data")).toAbsolutePath(),
            Path.of(System.getProperty("facematch.payara.dir", "target/payara6")).toAbsolutePath(),
            Path.of(System.getProperty("facematch.server.libs", "target/server-lib"))
                .toAbsolutePath(),
            PORT_OFFSET,
            3307 + PORT_OFFSET,
            9000 + PORT_OFFSET);
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("FACEMATCH_REKOGNITION_ENDPOINT", "http://127.0.0.1:" + REKOGNITION_PORT);
    env.put("FACEMATCH_REKOGNITION_REGION", "us-east-1");
    env.put("FACEMATCH_REKOGNITION_MAX_ATTEMPTS", "1"); // throttling answers at once
    // scheduled jobs (retention, audit digests) ask every 2 s whether they are due; the tests
    // make them due by moving the job's next run into the past
    env.put("FACEMATCH_JOBS_TICK_SECONDS", "2");
    stack = LocalStack.start(layout, env, true);
    return stack;
  }

  private record Running(LocalStack stack) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      stack.close();
    }
  }
}

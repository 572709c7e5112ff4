package org.facematch.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.json.spi.JsonProvider;
import java.lang.System.Logger.Level;

/**
 * Warns at startup when the server's JVM does not name its JSON-P provider. Payara's MicroProfile
 * JWT then searches every class loader and the OSGi registry for one on each request's token, which
 * measured a quarter of a request thread's CPU time under load (see README, "Deploying to your own
 * Payara Server").
 */
@ApplicationScoped
public class JsonProviderCheck {

  private static final System.Logger LOGGER = System.getLogger(JsonProviderCheck.class.getName());

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (System.getProperty(JsonProvider.JSONP_PROVIDER_FACTORY) == null) {
      LOGGER.log(
          Level.WARNING,
          "JVM option -D{0}=org.eclipse.parsson.JsonProviderImpl is not set: every request pays for a JSON-P provider lookup",
          JsonProvider.JSONP_PROVIDER_FACTORY);
    }
  }
}

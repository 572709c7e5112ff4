package org.facematch.schema.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.lang.System.Logger.Level;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects, at deploy time and before any
 * request is served. The datasource is defined here so the EAR carries its own JDBC pool; its URL
 * and credentials come from MicroProfile Config ({@code FACEMATCH_DB_URL}, {@code
 * FACEMATCH_DB_USER}, {@code FACEMATCH_DB_PASSWORD}).
 */
@DataSourceDefinition(
    name = SchemaMigrations.DATASOURCE,
    className = "com.mysql.cj.jdbc.MysqlDataSource",
    url = "${MPCONFIG=facematch.db.url}",
    user = "${MPCONFIG=facematch.db.user}",
    password = "${MPCONFIG=facematch.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=auto-commit",
      // A validation is a round trip: per allocation it doubled the database work of cheap calls.
      "fish.payara.validate-atmost-once-period-in-seconds=10",
      "fish.payara.fail-all-connections=true"
    })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

  public static final String DATASOURCE = "java:app/jdbc/facematch";
  private static final System.Logger LOGGER = System.getLogger(SchemaMigrations.class.getName());

  @Resource(lookup = DATASOURCE)
  DataSource dataSource;

  private volatile String appliedVersion;

  @PostConstruct
  void migrate() {
    MigrateResult result = flyway().migrate();
    appliedVersion =
        result.targetSchemaVersion != null ? result.targetSchemaVersion : currentVersion();
    LOGGER.log(
        Level.INFO,
        "Database schema at version {0} ({1} migrations applied now)",
        appliedVersion,
        result.migrationsExecuted);
  }

  /** The schema version migrated to at startup, empty until the migrations have run. */
  public Optional<String> appliedVersion() {
    return Optional.ofNullable(appliedVersion);
  }

  /** True when the database answers and holds every migration this build ships. */
  public boolean isUpToDate() {
    if (appliedVersion == null) {
      return false;
    }
    return flyway().info().pending().length == 0;
  }

  private String currentVersion() {
    MigrationInfo current = flyway().info().current();
    return current == null ? null : current.getVersion().getVersion();
  }

  private Flyway flyway() {
    return Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load();
  }
}

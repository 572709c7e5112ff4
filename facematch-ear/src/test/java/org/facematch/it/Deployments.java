package org.facematch.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR exactly as the build packaged it. */
public final class Deployments {

  private Deployments() {}

  public static EnterpriseArchive ear() {
    File ear = new File(System.getProperty("facematch.ear", "target/facematch.ear"));
    return ShrinkWrap.create(ZipImporter.class, "facematch.ear")
        .importFrom(ear)
        .as(EnterpriseArchive.class);
  }
}

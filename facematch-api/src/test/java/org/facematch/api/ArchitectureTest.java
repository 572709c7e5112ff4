package org.facematch.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The API may call boundaries and use entity value types; everything else is domain internals. */
@AnalyzeClasses(packages = "org.facematch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final DescribedPredicate<JavaClass> DOMAIN_INTERNALS =
      new DescribedPredicate<>(
          "domain internals (control, JPA entities, anything but boundary/entity values)") {
        @Override
        public boolean test(JavaClass c) {
          String name = c.getPackageName();
          if (!name.startsWith("org.facematch.") || name.startsWith("org.facematch.api")) {
            return false;
          }
          if (name.endsWith(".boundary")) {
            return false;
          }
          boolean value = c.isRecord() || c.isEnum() || c.isAssignableTo(Throwable.class);
          return !(name.endsWith(".entity")
              && value
              && !c.isAnnotatedWith("jakarta.persistence.Entity"));
        }
      };

  @ArchTest
  static final ArchRule apiUsesOnlyBoundariesAndValues =
      noClasses()
          .that()
          .resideInAPackage("org.facematch.api..")
          .should()
          .dependOnClassesThat(DOMAIN_INTERNALS);

  @ArchTest
  static final ArchRule apiHasNoPersistence =
      noClasses()
          .that()
          .resideInAPackage("org.facematch.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.persistence..", "com.vaadin..", "software.amazon..");
}

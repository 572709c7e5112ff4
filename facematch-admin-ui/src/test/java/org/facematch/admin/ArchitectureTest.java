package org.facematch.admin;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.facematch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final DescribedPredicate<JavaClass> VALUE_TYPE =
      describe(
          "records, enums or throwables",
          type -> type.isRecord() || type.isEnum() || type.isAssignableTo(Throwable.class));

  private static final DescribedPredicate<JavaClass> DOMAIN_BEHIND_ITS_BOUNDARIES =
      resideInAPackage("org.facematch..")
          .and(not(resideInAPackage("org.facematch.admin..")))
          .and(not(resideInAPackage("..boundary..")))
          .and(
              not(
                  resideInAPackage("..entity..")
                      .and(VALUE_TYPE)
                      .and(not(annotatedWith("jakarta.persistence.Entity")))))
          .as(
              "are domain classes other than boundaries and the records, enums and throwables of"
                  + " entity packages (never JPA entities)");

  @ArchTest
  static final ArchRule consoleUsesDomainOnlyThroughBoundariesAndValueTypes =
      noClasses()
          .that()
          .resideInAPackage("org.facematch.admin..")
          .should()
          .dependOnClassesThat(DOMAIN_BEHIND_ITS_BOUNDARIES);

  @ArchTest
  static final ArchRule consoleStaysOffPersistenceRestAndEngines =
      noClasses()
          .that()
          .resideInAPackage("org.facematch.admin..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta.persistence..",
              "jakarta.ws.rs..",
              "software.amazon.awssdk..",
              "ai.onnxruntime..");
}

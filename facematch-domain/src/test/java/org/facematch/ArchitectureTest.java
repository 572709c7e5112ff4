package org.facematch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.facematch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainKnowsNothingOfHttpOrUi =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.ws.rs..", "com.vaadin..");

  @ArchTest
  static final ArchRule awsSdkStaysInItsAdapters =
      noClasses()
          .that()
          .resideOutsideOfPackages("..storage.control.s3..", "..engine.control.rekognition..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("software.amazon..");

  @ArchTest
  static final ArchRule onnxRuntimeStaysInItsAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("..engine.control.onnx..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ai.onnxruntime..");

  @ArchTest
  static final ArchRule luceneStaysInTheIndex =
      noClasses()
          .that()
          .resideOutsideOfPackage("..engine.control.index..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.apache.lucene..");

  @ArchTest
  static final ArchRule entitiesDoNotReachUp =
      noClasses()
          .that()
          .resideInAPackage("..entity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..boundary..", "..control..");

  /**
   * Business components form a hierarchy: what two of them share lives below both, never in a loop.
   */
  @ArchTest
  static final ArchRule businessComponentsAreFreeOfCycles =
      slices().matching("org.facematch.(*)..").should().beFreeOfCycles();
}

package dev.couponapi.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The model module's packages depend one way (docs/design.md, "Modules and packages"):
 * api, domain, store, service, wire, http, app, each using only the ones before it. A class that
 * imports a later package fails this test, naming both classes.
 */
class LayeringTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.couponapi");

  @Test
  void everyPackageUsesOnlyTheOnesBeforeIt() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("api").definedBy("dev.couponapi.api..")
        .layer("domain").definedBy("dev.couponapi.domain..")
        .layer("store").definedBy("dev.couponapi.store..")
        .layer("service").definedBy("dev.couponapi.service..")
        .layer("wire").definedBy("dev.couponapi.wire..")
        .layer("http").definedBy("dev.couponapi.http..")
        .layer("app").definedBy("dev.couponapi.app..")
        .whereLayer("app").mayNotBeAccessedByAnyLayer()
        .whereLayer("http").mayOnlyBeAccessedByLayers("app")
        .whereLayer("wire").mayOnlyBeAccessedByLayers("http", "app")
        .whereLayer("service").mayOnlyBeAccessedByLayers("wire", "http", "app")
        .whereLayer("store").mayOnlyBeAccessedByLayers("service", "http", "app")
        .whereLayer("domain").mayOnlyBeAccessedByLayers("store", "service", "wire", "http", "app")
        .whereLayer("api").mayOnlyBeAccessedByLayers("domain", "store", "service", "wire", "http", "app")
        .check(MAIN);
  }
}

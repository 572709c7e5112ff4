package org.facematch.collection.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetadataTest {

  @Test
  void countsNestingOfObjectsAndArraysButNotBracketsInStrings() {
    assertThat(Metadata.depth("42")).isZero();
    assertThat(Metadata.depth("{\"a\":1}")).isEqualTo(1);
    assertThat(Metadata.depth("{\"a\":[{\"b\":[]}]}")).isEqualTo(4);
    assertThat(Metadata.depth("{\"a\":\"[[[{{{\\\"]]]\"}")).isEqualTo(1);
    assertThat(Metadata.depth("[".repeat(40) + "]".repeat(40))).isEqualTo(40);
  }
}

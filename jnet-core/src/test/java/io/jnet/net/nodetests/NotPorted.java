package io.jnet.net.nodetests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Node 24 test file with no port, and why: read by {@link NodeTestsTableTest}. Placed on {@link
 * NotPortedFiles}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(NotPorted.List.class)
@interface NotPorted {
  /** The file's name in Node's {@code test/parallel}. */
  String file();

  /** What the table says of it. */
  Status status();

  /** The reason, one line. */
  String reason();

  /** Why a file has no port. */
  enum Status {
    /** Nothing of the file can be checked in Java (child processes, cluster, internals...). */
    NOT_APPLICABLE("not applicable"),
    /** Another suite ports it. */
    PORTED_ELSEWHERE("ported elsewhere"),
    /** It needs an API jnet lacks yet. */
    WAITS("waits for");

    final String label;

    Status(String label) {
      this.label = label;
    }
  }

  /** The container of repeated {@link NotPorted}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    NotPorted[] value();
  }
}

package io.jnet.net.nodetests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Node 24 test file a test class ports, read by {@link NodeTestsTableTest} to build {@code
 * docs/node-tests.md}. A test method of the class tagged {@code pending} checks a fact on which
 * jnet differs from Node 24 (the build excludes that tag).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface NodeFile {
  /** The file's name in Node's {@code test/parallel}, e.g. {@code test-net-isip.js}. */
  String value();

  /**
   * The facts of the file this port leaves out, one line each with the reason (an argument type
   * Java's types forbid, a Node internal such as {@code _handle}, a child process...).
   */
  String[] notPorted() default {};
}

package io.jnet.net.nodetests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How jnet differs from Node 24 on the fact a test method checks: what Node 24 does, what jnet
 * does, on which transport. Goes with {@code @Tag("pending")}; {@link NodeTestsTableTest} lists it
 * in {@code docs/node-tests.md}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Differs {
  String value();
}

package org.facematch.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A black-box test of the real EAR on Payara Server: the stack first, then Arquillian's deployment.
 * The class supplies {@code @Deployment(testable = false)} via {@link Deployments}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(TestStack.class)
@ExtendWith(ArquillianExtension.class)
public @interface ContainerTest {}

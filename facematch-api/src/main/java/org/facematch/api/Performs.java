package org.facematch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.facematch.audit.entity.Operation;

/**
 * The operation a resource method performs. {@link AccessControl} checks the caller's access to it
 * before the request body is read, and the audit trail files a request refused before it reached
 * the domain under it. A resource method without it is refused, so a forgotten annotation fails
 * closed. (Not {@code @RolesAllowed}: Payara would add its own JAX-RS role filter, which answers in
 * its own format and probes on every call for JBoss and WebLogic classes that are not there: about
 * 15 ClassNotFoundExceptions per request, measured.)
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Performs {
  Operation value();
}

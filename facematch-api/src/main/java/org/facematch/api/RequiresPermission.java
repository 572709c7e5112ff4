package org.facematch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The token groups (any one of them) a resource method needs; {@link AccessControl} enforces it.
 * Not {@code @RolesAllowed}: Payara would then add its own JAX-RS role filter, which answers in
 * its own format and, on every call, probes for JBoss and WebLogic classes that are not there
 * (about 15 ClassNotFoundExceptions per request, measured). The boundaries behind the resources
 * keep their {@code @RolesAllowed}, enforced by the EJB container.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {
  String[] value();
}

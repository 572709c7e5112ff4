package org.facematch.audit.boundary;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.facematch.audit.entity.Operation;

/**
 * Marks a boundary method as the operation it performs. {@link AuditInterceptor} checks the
 * caller's access to it and records it in the audit trail; the method takes the {@link
 * org.facematch.kernel.entity.Caller} as its first argument.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {
  @Nonbinding
  Operation value();
}

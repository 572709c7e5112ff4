package org.facematch.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authentication scheme is case-insensitive (RFC 9110 §11.1): {@code bearer} and {@code BEARER}
 * are Bearer. Payara's MP-JWT mechanism only knows {@code "Bearer "}, and it runs before any
 * filter, so this mechanism takes its place, spells the scheme its way and hands over.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class BearerScheme implements HttpAuthenticationMechanism {

  private static final Pattern BEARER = Pattern.compile("(?i)bearer +(\\S.*)");

  @Inject BeanManager beans;

  private volatile HttpAuthenticationMechanism mpJwt;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return mpJwt().validateRequest(spelledOut(request), response, context);
  }

  static HttpServletRequest spelledOut(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.startsWith("Bearer ")) {
      return request;
    }
    Matcher bearer = BEARER.matcher(header);
    if (!bearer.matches()) {
      return request;
    }
    String spelled = "Bearer " + bearer.group(1);
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getHeader(String name) {
        return "Authorization".equalsIgnoreCase(name) ? spelled : super.getHeader(name);
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return "Authorization".equalsIgnoreCase(name)
            ? Collections.enumeration(java.util.List.of(spelled))
            : super.getHeaders(name);
      }
    };
  }

  /** The mechanism MP-JWT installs for {@code @LoginConfig}: the one bean that is not this one. */
  private HttpAuthenticationMechanism mpJwt() {
    HttpAuthenticationMechanism found = mpJwt;
    if (found == null) {
      Bean<?> bean =
          beans.getBeans(HttpAuthenticationMechanism.class).stream()
              .filter(candidate -> !BearerScheme.class.equals(candidate.getBeanClass()))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("MP-JWT is not installed"));
      found =
          (HttpAuthenticationMechanism)
              beans.getReference(
                  bean, HttpAuthenticationMechanism.class, beans.createCreationalContext(bean));
      mpJwt = found;
    }
    return found;
  }
}

package org.facematch.admin.security;

import java.io.Serializable;
import org.facematch.tenant.entity.ConsoleActor;

/**
 * Who is signed in to this console session.
 *
 * @param tenant the tenant a tenant admin belongs to; null for support staff
 */
public record ConsoleUser(String name, String role, String tenant) implements Serializable {

  public ConsoleActor actor() {
    return new ConsoleActor(name, role, tenant);
  }
}

package org.facematch.tenant.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.facematch.tenant.entity.ConsoleAccount;
import org.facematch.tenant.entity.ConsoleActor;

/** Console logins: who a signed-in user is acting as. */
@Stateless
public class ConsoleAccounts {

  @PersistenceContext EntityManager em;

  /** The actor of an enabled console login, empty for unknown or disabled ones. */
  public Optional<ConsoleActor> actor(String username) {
    return Optional.ofNullable(username)
        .map(name -> em.find(ConsoleAccount.class, name))
        .filter(ConsoleAccount::isEnabled)
        .map(ConsoleAccount::actor);
  }
}

package org.facematch.engine.control;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Arrays;
import org.facematch.kernel.entity.Caller;

/** Runs a {@link TakesEngineTurn} operation inside a turn of its caller's tenant. */
@TakesEngineTurn
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class EngineTurnInterceptor {

  @Inject EngineTurns turns;

  @AroundInvoke
  Object inTurn(InvocationContext invocation) throws Exception {
    String tenant =
        Arrays.stream(invocation.getParameters())
            .filter(Caller.class::isInstance)
            .map(Caller.class::cast)
            .findFirst()
            .flatMap(Caller::ownTenant)
            .map(t -> t.value())
            .orElse("");
    turns.take(tenant);
    try {
      return invocation.proceed();
    } finally {
      turns.giveBack(tenant);
    }
  }
}

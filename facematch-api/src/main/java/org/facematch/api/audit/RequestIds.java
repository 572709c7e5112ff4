package org.facematch.api.audit;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id a request's audit event is filed under: the client's, when it is usable, else a new one.
 */
public final class RequestIds {

  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private RequestIds() {}

  public static String of(String clientId) {
    return clientId != null && CLIENT_ID.matcher(clientId).matches()
        ? clientId
        : UUID.randomUUID().toString();
  }
}

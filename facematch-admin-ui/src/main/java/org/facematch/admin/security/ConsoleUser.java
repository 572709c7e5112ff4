package org.facematch.admin.security;

import java.io.Serializable;

/** Who is signed in to this console session. */
public record ConsoleUser(String name, String role) implements Serializable {}

package org.facematch.kernel.entity;

/** A change to a tenant that others keep copies of, fired inside the transaction that makes it. */
public sealed interface TenantEvent {

  TenantId tenant();

  /** The tenant's faces are registered with, and searched by, another engine from now on. */
  record EngineSwitched(TenantId tenant, String from, String to) implements TenantEvent {}
}

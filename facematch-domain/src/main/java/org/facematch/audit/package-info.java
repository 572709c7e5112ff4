/**
 * The audit trail. Every boundary operation names itself with {@code @Audited(Operation.X)}; {@code
 * AuditInterceptor} checks the caller's access to it, runs it and records it: in the operation's
 * transaction on success, in one of its own with the problem code on failure. Results say what else
 * belongs in the event ({@code AuditedOutcome}: faces, best similarity, a note), so no operation
 * writes to the trail by hand. Stored operation codes are spelled out in {@code Operation}, never
 * derived from Java names. The API writes the events of requests that never reached an operation.
 * Depends only on the kernel, so every component may be audited.
 */
package org.facematch.audit;

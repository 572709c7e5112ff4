/**
 * The audit trail. Every boundary operation names itself with {@code @Audited(Operation.X)}; {@code
 * AuditInterceptor} checks the caller's access to it, runs it and records it: in the operation's
 * transaction on success, in one of its own with the problem code on failure. Results say what else
 * belongs in the event ({@code AuditedOutcome}: faces, best similarity, a note), so no operation
 * writes to the trail by hand. Stored operation codes are spelled out in {@code Operation}, never
 * derived from Java names. The API writes the events of requests that never reached an operation.
 *
 * <p>The trail is tamper-evident: each event is chained to the previous one of its tenant by a
 * SHA-256 hash over its canonical text ({@code ChainedEvent}), sequenced under the chain's row lock
 * when the outermost audited operation of a transaction ends; the chains' heads are signed once per
 * interval with the server's RSA key ({@code ChainDigest}, after AWS CloudTrail's digest files),
 * and the retention purge leaves a signed anchor where it cut. {@code ChainVerifier} names the
 * first broken link, for the console and the operator's command alike. Depends only on the kernel
 * and the schema's shared tools, so every component may be audited.
 */
package org.facematch.audit;

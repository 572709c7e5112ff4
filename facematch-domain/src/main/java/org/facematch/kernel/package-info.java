/**
 * The shared kernel: what every business component needs and none owns. The tenant id, role names,
 * the {@link org.facematch.kernel.entity.Caller} of a request and the {@link
 * org.facematch.kernel.entity.Access} rules that judge it, a tenant's settings as a value, the
 * error catalog ({@link org.facematch.kernel.entity.Problem}), the life of a face as events, and
 * work that follows a transaction's outcome. It depends on no business component, so any of them
 * may depend on it without a cycle.
 */
package org.facematch.kernel;

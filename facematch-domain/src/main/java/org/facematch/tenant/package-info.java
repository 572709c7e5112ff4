/**
 * Tenants and their face-matching settings. A tenant is identified by the {@code tenant_id} claim
 * of the caller's token; it starts disabled (support enables it), and an unknown tenant is answered
 * exactly like a disabled one so the API never reveals which tenants exist.
 */
package org.facematch.tenant;

/**
 * The ordered log of every change to a tenant's faces, which lets each node keep its own search
 * index in step with the database, the one truth. {@code ChangeLog} writes an entry for every face
 * event (and every engine switch) in the transaction that makes the change, sequenced per tenant
 * under a row lock the transaction holds until it ends, so entries become visible in sequence order
 * without gaps. Once a change commits, the other nodes get a wake-up hint over Payara's Hazelcast;
 * the hint carries only the tenant's id, and a node that misses it still finds the change when it
 * next polls. Depends only on the kernel.
 */
package org.facematch.changelog;

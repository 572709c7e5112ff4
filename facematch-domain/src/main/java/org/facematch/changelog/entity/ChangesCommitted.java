package org.facematch.changelog.entity;

/**
 * The tenant's change log has grown: fired on this node once a change made here has committed
 * ({@code local}), and when another node's hint arrives.
 */
public record ChangesCommitted(String tenant, boolean local) {}

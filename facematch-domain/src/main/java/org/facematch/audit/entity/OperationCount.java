package org.facematch.audit.entity;

/** How many events of one operation ended with one outcome. */
public record OperationCount(String operation, String outcome, long count) {}

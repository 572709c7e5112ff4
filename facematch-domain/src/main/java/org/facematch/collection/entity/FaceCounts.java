package org.facematch.collection.entity;

/** A tenant's collection in numbers. */
public record FaceCounts(long faces, long blacklisted) {}

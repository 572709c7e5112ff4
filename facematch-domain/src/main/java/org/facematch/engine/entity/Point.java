package org.facematch.engine.entity;

/** A position in image pixels (x to the right, y down), in the upright image. */
public record Point(double x, double y) {}

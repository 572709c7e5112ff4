package org.facematch.api.collection;

import java.util.List;

/** Up to 50 registrations, each as {@code POST /register} takes one. */
public record RegisterBatchRequest(List<RegisterRequest> items) {}

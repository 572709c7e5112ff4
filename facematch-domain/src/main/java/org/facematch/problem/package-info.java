/**
 * The error catalog shared by every business component: {@link
 * org.facematch.problem.entity.Problem} names each failure once with its stable code and HTTP
 * status, so the API and the console report the same thing the same way.
 */
package org.facematch.problem;

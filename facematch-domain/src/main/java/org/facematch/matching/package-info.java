/**
 * 1:1 verification and 1:N search with its report. {@code SearchRules} is the product's decision
 * logic, pure and unit-tested: risks, status, and which suspicion a person should review; the
 * boundary hands such a search to review as a typed {@code SuspectedMatch}.
 */
package org.facematch.matching;

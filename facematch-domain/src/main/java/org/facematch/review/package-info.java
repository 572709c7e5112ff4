/**
 * Human review of risky searches, the oversight the product brief asks for. A search that ends
 * {@code In Review} or {@code Declined} because it hit a blacklisted face or another session's face
 * opens a case: the probe image is kept under {@code tenants/<tenant>/reviews/} (the search itself
 * stores nothing), beside a reference to the matched face. The tenant's own admins confirm or
 * dismiss it; the decision goes to the audit trail. Support staff see no cases: they hold faces.
 */
package org.facematch.review;

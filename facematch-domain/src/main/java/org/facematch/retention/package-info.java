/**
 * Retention: how long each tenant's biometric data and audit trail are kept, and the scheduled
 * purge of what outlived it. Support staff set the periods per tenant (defaults: faces three years
 * after registration, BIPA's outer bound; review cases 90 days after their decision; audit events
 * seven years); tenant admins see them. The purge runs once per interval on one node of a cluster
 * (claimed in the shared database), removes faces through the collection's one routine that removes
 * every trace, review cases with their kept images, and audit events so that the rest of the chain
 * still verifies; always in bounded batches, each face in its own transaction, every round audited.
 */
package org.facematch.retention;

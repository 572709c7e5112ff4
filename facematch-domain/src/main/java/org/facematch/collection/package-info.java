/**
 * A tenant's collection of registered faces and its blacklist. One collection per tenant, named
 * {@code facematch-<tenant>} so the same name can serve as the AWS Rekognition collection id. The
 * API's back ends and the tenant's own admins in the console use the same boundaries ({@code
 * FaceCollections}, {@code Blacklist}); support staff get counts only.
 *
 * <p>The collection announces the life of a face as {@link org.facematch.kernel.entity.FaceEvent}s,
 * fired inside the transaction that makes the change: the local index follows them once it has
 * committed, review removes its cases within it. Every way a face leaves goes through {@code
 * FaceRemoval}, the one routine that removes every trace.
 */
package org.facematch.collection;

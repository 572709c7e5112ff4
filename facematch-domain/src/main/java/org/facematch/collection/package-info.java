/**
 * A tenant's collection of registered faces. One collection per tenant, named {@code
 * facematch-<tenant>} so the same name can serve as the AWS Rekognition collection id.
 */
package org.facematch.collection;

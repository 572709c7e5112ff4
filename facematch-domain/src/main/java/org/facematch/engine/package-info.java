/**
 * The face engines behind one seam ({@code FaceEngine}): the embedded ONNX engine with its search
 * index on this node's disk (one Lucene index per tenant, kept in step with the database by the
 * tenants' change logs, rebuilt from the database when missing or damaged), and AWS Rekognition.
 * {@code FaceEngines} is the one list of engines, keyed by the tenant's choice ({@code
 * EngineChoice}, the API's {@code model_version}). The engine knows nothing of tenants' settings or
 * collections: it is told the tenant's id and images.
 */
package org.facematch.engine;

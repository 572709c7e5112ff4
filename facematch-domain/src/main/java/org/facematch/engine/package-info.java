/**
 * The face engines behind one seam ({@code FaceEngine}): the embedded ONNX engine with its
 * in-memory index (which it fills at startup and keeps up to date from the collection's face events
 * after commit), and AWS Rekognition. {@code FaceEngines} is the one list of engines, keyed by the
 * tenant's choice ({@code EngineChoice}, the API's {@code model_version}). The engine knows nothing
 * of tenants' settings or collections: it is told the tenant's id and images.
 */
package org.facematch.engine;

/**
 * What row rules call while rows flow: the checks SQL has no function for (formats, encodings, castability, regular
 * expressions), as static methods that the gateway registers as SQL functions and Calcite calls from generated code.
 */
package io.sluice.quality.runtime;

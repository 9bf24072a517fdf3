/**
 * The bodies of the JSON API as records, one per body: JSON-B (Yasson) writes them, and the {@code /openapi}
 * document describes each as a schema. A record whose absent values the API sends as {@code null} (not
 * leaves out) is {@code @JsonbNillable}; the error body leaves absent members out.
 */
package org.tributary.web.api.model;

package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a relayconfig.xml import stored, and why the rest was not. */
@Schema(description = "The relays a relayconfig.xml import stored, and a problem per relay it did not")
@JsonbPropertyOrder({"imported", "problems"})
public record RelayImportResult(
        @Schema(required = true, description = "the names of the relays stored") List<String> imported,
        @Schema(required = true, description = "relayconfig.xml:line: why a relay was not imported") List<String> problems) {
}

package org.tributary.ejb.relays;

import org.tributary.ejb.fields.FieldMessages;
import org.tributary.ejb.fields.FieldValidation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field rules of relays, shared by the console's pages, the API and the Darwin import: the single-field
 * formats are the Bean Validation constraints of {@link RelaySpec}; the URL is checked here: {@code rtsp://} or
 * {@code rtsps://} with a host, and no {@code user:password@} (those go in their own fields, so that the URL can
 * be shown to everyone). Problems are keyed by the API's field names, in the order of the form.
 */
public final class RelayFields {

    static final List<String> FORM_ORDER = List.of("name", "direction", "path", "url", "user", "password", "transport",
            "lingerSeconds");

    private RelayFields() {
    }

    /** What is wrong with a relay, by field; empty when it may be stored. */
    public static Map<String, String> problems(RelaySpec spec) {
        Map<String, String> found = new LinkedHashMap<>(FieldValidation.problems(spec, FORM_ORDER));
        if (!found.containsKey("url")) {
            String url = urlProblem(spec.url());
            if (url != null) {
                found.put("url", url);
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        FORM_ORDER.forEach(field -> {
            if (found.containsKey(field)) {
                ordered.put(field, found.get(field));
            }
        });
        return ordered;
    }

    /** What is wrong with a relay's URL, or null. */
    public static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return FieldMessages.text("relay.url.needed");
        }
        if (!url.startsWith("rtsp://") && !url.startsWith("rtsps://")) {
            return FieldMessages.text("relay.url");
        }
        String authority = url.substring(url.indexOf("//") + 2).split("[/?#]", 2)[0];
        if (authority.contains("@")) {
            return FieldMessages.text("relay.url.credentials");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return FieldMessages.text("relay.url");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
            return FieldMessages.text("relay.url");
        }
        return null;
    }
}

package org.tributary.api.settings;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema itself, and README's Configuration table, which must be the one this schema makes. */
class SettingsSchemaTest {

    static final String START = "<!-- settings table: generated from SettingsSchema, checked by SettingsSchemaTest -->";
    static final String END = "<!-- end of settings table -->";

    @Test
    void namesAndPropertiesAreUniqueAndEveryEditableSettingHasItsWords() {
        Set<String> properties = new HashSet<>();
        for (SettingDescriptor d : SettingsSchema.ALL) {
            assertTrue(properties.add(d.property()), "two settings read " + d.property());
            assertTrue(d.property().startsWith("tributary."), d.property());
            assertNotNull(d.label(), d.name());
            assertNotNull(d.description(), d.name());
            assertNotNull(d.group(), d.name());
        }
        assertEquals(SettingsSchema.editable().size(), SettingsSchema.editableByGroup().values().stream()
                .mapToInt(List::size).sum());
    }

    @Test
    void theSettingsPageKeepsItsFieldsAndOrder() {
        // New settings may be added anywhere; these must stay, in this order (the page's ids and the ITs use them).
        List<String> kept = List.of("rtspBindAddress", "rtspPort", "rtpPort", "httpTunnelPort", "mediaRoot",
                "maxConnections", "maxSessions", "maxBandwidthKbps", "sessionTimeoutSeconds", "rtspIdleTimeoutSeconds",
                "authSchemes", "accessCacheSeconds", "mp3MaxStreams", "mp3BurstSeconds", "mp3IcyMetaint",
                "mp3StallSeconds");
        assertEquals(kept, SettingsSchema.editableNames().stream().filter(kept::contains).toList());
        assertEquals(SettingDescriptor.Applied.RESTART, SettingsSchema.get("rtpPort").applied());
        assertEquals(SettingDescriptor.Applied.LIVE, SettingsSchema.get("rtspIdleTimeoutSeconds").applied());
    }

    @Test
    void readmesConfigurationTableIsTheOneTheSchemaMakes() throws IOException {
        Path readme = Path.of("../README.md");
        String text = Files.readString(readme);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md lacks the settings table markers");
        String inReadme = text.substring(start + START.length(), end).strip();
        String expected = table();
        if (!inReadme.equals(expected)) {
            Path wanted = Path.of("target", "README-settings-table.md");
            Files.createDirectories(wanted.getParent());
            Files.writeString(wanted, expected + "\n");
        }
        assertEquals(expected, inReadme, "README's settings table differs from SettingsSchema; the table to paste"
                + " between the markers is in target/README-settings-table.md");
    }

    /** The Markdown table: one row per setting, in schema order. */
    static String table() {
        StringBuilder out = new StringBuilder("| property [default] | setting | range | meaning | an admin's change |\n"
                + "| --- | --- | --- | --- | --- |");
        for (SettingDescriptor d : SettingsSchema.ALL) {
            out.append("\n| `").append(d.property()).append("` [").append(d.defaultValue()).append("] | `")
                    .append(d.name()).append("` | ").append(range(d)).append(" | ").append(d.description())
                    .append(" | ").append(switch (d.applied()) {
                        case LIVE -> "at once";
                        case RESTART -> "after a restart";
                        case DEPLOY -> "property only";
                    }).append(" |");
        }
        return out.toString();
    }

    private static String range(SettingDescriptor d) {
        return switch (d.type()) {
            case INTEGER -> (d.min() == 0 && d.zeroMeans() != null ? "0 (" + d.zeroMeans() + ")" : d.min()) + "–"
                    + d.max() + (d.unit().isEmpty() ? "" : " " + d.unit());
            case BOOLEAN -> "true, false";
            case TEXT -> "text";
        };
    }
}

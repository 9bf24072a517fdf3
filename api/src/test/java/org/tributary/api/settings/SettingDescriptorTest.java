package org.tributary.api.settings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingDescriptorTest {

    private static SettingDescriptor number(String zeroMeans) {
        return new SettingDescriptor("mp3MaxStreams", "tributary.mp3.max-streams", SettingType.INTEGER, "1000", 0,
                1_000_000, zeroMeans, "Max MP3 streams", "", "listeners at once", "MP3",
                SettingDescriptor.Applied.LIVE);
    }

    @Test
    void wholeNumbersAreCheckedAgainstTheRangeAndSayWhatZeroMeans() {
        SettingDescriptor d = number("MP3 over HTTP off");
        assertNull(d.problem("0"));
        assertNull(d.problem(" 1000000 "));
        assertEquals("must be between 0 (MP3 over HTTP off) and 1000000", d.problem("1000001"));
        assertEquals("must be between 0 and 1000000", number(null).problem("-1"));
        assertEquals("must be a whole number", d.problem("1.5"));
        assertEquals("must be set", d.problem(" "));
        assertEquals("must be set", d.problem(null));
    }

    @Test
    void booleansAndTexts() {
        SettingDescriptor flag = new SettingDescriptor("authDigestWithoutQop", "p", SettingType.BOOLEAN, "false", 0, 0,
                null, "Digest without qop", "", "d", "Authentication", SettingDescriptor.Applied.DEPLOY);
        assertNull(flag.problem("TRUE"));
        assertEquals("must be true or false", flag.problem("yes"));
        assertFalse(flag.editable());
        SettingDescriptor text = new SettingDescriptor("mediaRoot", "p", SettingType.TEXT, "media", 0, 0, null,
                "Media folder", "", "d", "Media", SettingDescriptor.Applied.LIVE);
        assertNull(text.problem("anything"));
        assertTrue(text.editable());
    }

    @Test
    void aDefaultOutOfItsOwnRangeIsRefusedWhenTheSchemaIsBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new SettingDescriptor("x", "p", SettingType.INTEGER, "70",
                1, 60, null, "X", "s", "d", "G", SettingDescriptor.Applied.LIVE));
    }

    @Test
    void theLabelCarriesTheUnit() {
        assertEquals("Max MP3 streams", number(null).labelWithUnit());
        assertEquals("Session timeout (s)", SettingsSchema.get("sessionTimeoutSeconds").labelWithUnit());
    }
}

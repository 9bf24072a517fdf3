package org.tributary.web.console.settings;

import org.junit.jupiter.api.Test;
import org.tributary.ejb.settings.ServerSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsFormTest {

    @Test
    void theFormCarriesEveryFieldBackIncludingTheMp3Limits() {
        ServerSettings s = new ServerSettings(" 0.0.0.0 ", 8554, 6970, 8001, "/srv/media", 5000, 10000, 0, 60,
                "digest basic", 10).withMp3(2, 5, 8192, 30);
        SettingsForm form = SettingsForm.of(s);
        assertEquals(2, form.getMp3MaxStreams());
        assertEquals(8192, form.getMp3IcyMetaint());
        assertEquals(new ServerSettings("0.0.0.0", 8554, 6970, 8001, "/srv/media", 5000, 10000, 0, 60,
                "digest basic", 10).withMp3(2, 5, 8192, 30), form.settings(), "saving the page keeps them");
        form.setMp3StallSeconds(90);
        assertEquals(90, form.settings().mp3StallSeconds());
    }
}

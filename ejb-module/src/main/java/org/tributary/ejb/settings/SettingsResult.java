package org.tributary.ejb.settings;

import java.io.Serializable;
import java.util.List;

/**
 * What saving settings did. Field names are those of {@link org.tributary.api.settings.SettingsSchema}.
 *
 * @param appliedLive fields that changed and are in effect now
 * @param needRestart fields that changed, were saved, and take effect when the server starts again
 */
public record SettingsResult(List<String> appliedLive, List<String> needRestart) implements Serializable {

    public SettingsResult {
        appliedLive = List.copyOf(appliedLive);
        needRestart = List.copyOf(needRestart);
    }
}

package org.tributary.api;

import org.tributary.api.settings.SettingValues;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the adapter did with new settings. Field names are those of {@link org.tributary.api.settings.SettingsSchema}.
 *
 * @param appliedLive fields that changed and are in effect now
 * @param needRestart fields that changed but take effect only when the adapter starts again
 * @param rejected    fields the adapter could not accept, with why (a value out of range, a port it cannot
 *                    bind); when not empty, nothing was applied
 * @param accepted    the settings as the adapter accepted them, spelled one way (trimmed, the media folder
 *                    absolute, the schemes in lower case): what to store; null when something was rejected
 */
public record SettingsOutcome(List<String> appliedLive, List<String> needRestart, Map<String, String> rejected,
                              SettingValues accepted) implements Serializable {

    public SettingsOutcome {
        appliedLive = List.copyOf(appliedLive);
        needRestart = List.copyOf(needRestart);
        rejected = Map.copyOf(rejected);
    }

    /** Nothing applied: every bad field with why. */
    public static SettingsOutcome rejected(Map<String, String> rejected) {
        return new SettingsOutcome(List.of(), List.of(), rejected, null);
    }
}

package org.tributary.api;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the adapter did with new settings. Field names are those of {@link RuntimeSettings}.
 *
 * @param appliedLive fields that changed and are in effect now
 * @param needRestart fields that changed but take effect only when the adapter starts again
 * @param rejected    fields the adapter could not apply, with why (e.g. a port it cannot bind); when not
 *                    empty, nothing was applied
 */
public record SettingsOutcome(List<String> appliedLive, List<String> needRestart, Map<String, String> rejected)
        implements Serializable {

    public SettingsOutcome {
        appliedLive = List.copyOf(appliedLive);
        needRestart = List.copyOf(needRestart);
        rejected = Map.copyOf(rejected);
    }
}

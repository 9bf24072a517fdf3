package org.tributary.ra;

import org.tributary.api.settings.SettingDescriptor;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Who applies which live setting: the composition root registers, per setting, the one call that hands the
 * new value to the component that uses it. {@link LiveSettings} calls them for the settings that changed.
 */
final class LiveAppliers {

    private final Map<String, Consumer<SettingValues>> byName = new HashMap<>();

    /** Registers how a live setting is applied; the consumer reads the new value from the settings it gets. */
    LiveAppliers on(String name, Consumer<SettingValues> apply) {
        if (SettingsSchema.get(name).applied() != SettingDescriptor.Applied.LIVE) {
            throw new IllegalArgumentException(name + " is not a live setting");
        }
        byName.merge(name, apply, Consumer::andThen);
        return this;
    }

    /** Applies one setting, if anything applies it; false when nothing does. */
    boolean apply(String name, SettingValues wanted) {
        Consumer<SettingValues> apply = byName.get(name);
        if (apply == null) {
            return false;
        }
        apply.accept(wanted);
        return true;
    }

    /** The live settings nobody applies, other than those named in {@code handledElsewhere}. */
    List<String> missing(List<String> handledElsewhere) {
        return SettingsSchema.editable().stream()
                .filter(d -> d.applied() == SettingDescriptor.Applied.LIVE)
                .map(SettingDescriptor::name)
                .filter(n -> !byName.containsKey(n) && !handledElsewhere.contains(n))
                .toList();
    }
}

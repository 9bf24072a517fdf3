package org.tributary.ra;

import org.tributary.api.settings.SettingDescriptor;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;

import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deployment's settings: the config properties of the {@link TributaryResourceAdapter} bean (one per
 * {@link SettingsSchema} entry, set from ironjacamar.xml), read by name and validated once at start. A bad
 * value fails {@code start()} with a message naming the setting and its system property, so the deployment
 * fails loudly instead of running half-configured.
 */
final class DeployedSettings {

    /** Thrown for a configuration value that cannot be used; the message names the setting and its property. */
    static final class InvalidConfigException extends Exception {
        InvalidConfigException(SettingDescriptor setting, Object value, String why) {
            super("invalid adapter property " + setting.name() + " (" + setting.property() + ")='" + value + "': " + why);
        }
    }

    private DeployedSettings() {
    }

    /** Every setting of the bean, checked against its descriptor and with each other. */
    static SettingValues of(Object bean) throws InvalidConfigException {
        Map<String, String> values = new LinkedHashMap<>();
        for (SettingDescriptor d : SettingsSchema.ALL) {
            Object value = read(bean, d.name());
            String problem = d.problem(value == null ? null : value.toString());
            if (problem != null) {
                throw new InvalidConfigException(d, value, problem);
            }
            values.put(d.name(), value.toString().trim());
        }
        SettingValues deployed = SettingValues.of(values);
        crossCheck(deployed);
        return deployed;
    }

    private static void crossCheck(SettingValues s) throws InvalidConfigException {
        try {
            InetAddress.getByName(s.text("rtspBindAddress"));
        } catch (UnknownHostException e) {
            throw new InvalidConfigException(SettingsSchema.get("rtspBindAddress"), s.text("rtspBindAddress"),
                    "not an address of this host");
        }
        if (s.integer("rtpPort") % 2 != 0) {
            throw new InvalidConfigException(SettingsSchema.get("rtpPort"), s.text("rtpPort"),
                    "must be even (RTCP uses the next port)");
        }
        int tunnel = s.integer("httpTunnelPort");
        if (tunnel != 0 && tunnel == s.integer("rtspPort")) {
            throw new InvalidConfigException(SettingsSchema.get("httpTunnelPort"), tunnel, "must differ from rtspPort");
        }
    }

    /** The bean's getter of a setting: {@code getRtspPort()} for {@code rtspPort}. */
    static Object read(Object bean, String name) {
        String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        try {
            return bean.getClass().getMethod(getter).invoke(bean);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("the adapter bean has no public " + getter + "() for the setting " + name, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(getter + "() failed", e.getCause());
        }
    }
}

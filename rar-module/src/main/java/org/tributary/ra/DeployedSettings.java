package org.tributary.ra;

import org.tributary.api.settings.SettingDescriptor;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The deployment's settings, read by name and validated once at start: a setting that is a config property
 * of the {@link TributaryResourceAdapter} bean (set from ironjacamar.xml or the server's resource-adapter
 * configuration) comes from the bean; any other {@link SettingsSchema} entry comes straight from its system
 * property, or its default. So a new setting needs only its schema entry (and, if live, its applier), no bean
 * property. A bad value fails {@code start()} with a message naming the setting and its system property, so
 * the deployment fails loudly instead of running half-configured.
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
            Object value = value(bean, d, System.getProperties());
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

    /** A setting's deploy-time value: the bean's property if it has one, else the system property, else the default. */
    static Object value(Object bean, SettingDescriptor d, Properties system) {
        Method getter = getter(bean, d.name());
        return getter != null ? read(bean, getter) : system.getProperty(d.property(), d.defaultValue());
    }

    /** The bean's getter of a setting ({@code getRtspPort()} for {@code rtspPort}), or null if it has none. */
    static Method getter(Object bean, String name) {
        try {
            return bean.getClass().getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The values of the settings that are bean properties, in schema order (the bean's equals and hashCode). */
    static List<Object> beanProperties(Object bean) {
        List<Object> values = new ArrayList<>();
        for (SettingDescriptor d : SettingsSchema.ALL) {
            Method getter = getter(bean, d.name());
            if (getter != null) {
                values.add(read(bean, getter));
            }
        }
        return values;
    }

    private static Object read(Object bean, Method getter) {
        try {
            return getter.invoke(bean);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(getter.getName() + "() is not public", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(getter.getName() + "() failed", e.getCause());
        }
    }
}

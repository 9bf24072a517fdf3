package org.tributary.ra;

import org.junit.jupiter.api.Test;
import org.tributary.api.settings.SettingDescriptor;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The adapter bean's config properties against the schema, and their check at start. */
class DeployedSettingsTest {

    private static String problem(java.util.function.Consumer<TributaryResourceAdapter> change) {
        TributaryResourceAdapter ra = new TributaryResourceAdapter();
        change.accept(ra);
        return assertThrows(DeployedSettings.InvalidConfigException.class, () -> DeployedSettings.of(ra)).getMessage();
    }

    @Test
    void theBeansDefaultsAreTheSchemasAndPass() throws Exception {
        SettingValues deployed = DeployedSettings.of(new TributaryResourceAdapter());
        for (SettingDescriptor d : SettingsSchema.ALL) {
            assertEquals(d.defaultValue(), deployed.text(d.name()), d.name());
        }
    }

    @Test
    void badValuesNameTheSettingAndItsProperty() {
        assertTrue(problem(ra -> ra.setRtspPort(70000)).contains("rtspPort (tributary.rtsp.port)='70000'"));
        assertTrue(problem(ra -> ra.setRtspBindAddress("no such host.invalid")).contains("rtspBindAddress"));
        assertTrue(problem(ra -> ra.setMediaRoot(" ")).contains("mediaRoot"));
        assertTrue(problem(ra -> ra.setMaxConnections(0)).contains("maxConnections"));
        assertTrue(problem(ra -> ra.setRtpPort(6971)).contains("must be even"));
        assertTrue(problem(ra -> ra.setControlThreads(33)).contains("controlThreads (tributary.control.threads)"));
        assertTrue(problem(ra -> ra.setControlQueue(null)).contains("controlQueue"));
        assertTrue(problem(ra -> ra.setHttpTunnelPort(8554)).contains("must differ from rtspPort"));
        assertTrue(problem(ra -> ra.setRefusalWindowSeconds(0)).contains("tributary.refusals.window-seconds"));
    }

    @Test
    void ironjacamarSetsEverySettingFromItsPropertyWithTheSchemasDefault() throws Exception {
        String xml = Files.readString(Path.of("src/main/rar/META-INF/ironjacamar.xml"));
        Matcher m = Pattern.compile("<config-property name=\"(\\w+)\">\\$\\{([\\w.-]+):([^}]*)}</config-property>")
                .matcher(xml);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            SettingDescriptor d = SettingsSchema.get(m.group(1));
            assertEquals(d.property(), m.group(2), d.name());
            assertEquals(d.defaultValue(), m.group(3), d.name());
            seen.add(d.name());
        }
        assertEquals(beanBacked().stream().map(SettingDescriptor::name).sorted().toList(),
                seen.stream().sorted().toList(), "one config-property per bean property");
    }

    @Test
    void aSettingThatIsNoBeanPropertyComesFromItsSystemPropertyOrItsDefault() {
        SettingDescriptor idle = SettingsSchema.get("rtspIdleTimeoutSeconds");
        java.util.Properties system = new java.util.Properties();
        Object plainBean = new Object();
        assertEquals("60", DeployedSettings.value(plainBean, idle, system));
        system.setProperty("tributary.rtsp.idle-timeout-seconds", "17");
        assertEquals("17", DeployedSettings.value(plainBean, idle, system));
        TributaryResourceAdapter bean = new TributaryResourceAdapter();
        bean.setRtspIdleTimeoutSeconds(23);
        assertEquals(23, DeployedSettings.value(bean, idle, system), "a bean property wins over the system property");
    }

    private static List<SettingDescriptor> beanBacked() {
        return SettingsSchema.ALL.stream()
                .filter(d -> DeployedSettings.getter(new TributaryResourceAdapter(), d.name()) != null).toList();
    }

    @Test
    void everyBeanPropertyTakesPartInEquals() throws Exception {
        for (SettingDescriptor d : beanBacked()) {
            String setter = "set" + Character.toUpperCase(d.name().charAt(0)) + d.name().substring(1);
            Class<?> type = DeployedSettings.getter(new TributaryResourceAdapter(), d.name())
                    .invoke(new TributaryResourceAdapter()).getClass();
            TributaryResourceAdapter changed = new TributaryResourceAdapter();
            Object other = type == Integer.class ? (Object) 12345 : type == Boolean.class ? (Object) true : "other";
            TributaryResourceAdapter.class.getMethod(setter, type).invoke(changed, other);
            assertNotEquals(new TributaryResourceAdapter(), changed, d.name());
        }
        assertEquals(new TributaryResourceAdapter(), new TributaryResourceAdapter());
        assertEquals(new TributaryResourceAdapter().hashCode(), new TributaryResourceAdapter().hashCode());
    }
}

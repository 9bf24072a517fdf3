package org.tributary.web.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.tributary.api.settings.SettingDescriptor;
import org.tributary.api.settings.SettingType;
import org.tributary.api.settings.SettingsSchema;
import org.tributary.web.api.model.SettingsMap;

/**
 * Adds the "Settings" schema to the OpenAPI document: one property per setting of {@link SettingsSchema},
 * an integer (with its limits) or a string, so that the settings' JSON is typed field by field although
 * the API carries it as a map. Named in META-INF/microprofile-config.properties.
 */
public class SettingsSchemaReader implements OASModelReader {

    @Override
    public OpenAPI buildModel() {
        Schema settings = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Settings by name: whole numbers as JSON numbers, the others as strings");
        for (SettingDescriptor d : SettingsSchema.ALL) {
            settings.addProperty(d.name(), property(d));
        }
        return OASFactory.createOpenAPI().components(OASFactory.createComponents().addSchema(SettingsMap.SCHEMA, settings));
    }

    static Schema property(SettingDescriptor d) {
        Schema p = OASFactory.createSchema().description(d.label());
        if (d.type() == SettingType.INTEGER) {
            return p.addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.valueOf(d.min()))
                    .maximum(java.math.BigDecimal.valueOf(d.max()));
        }
        return p.addType(Schema.SchemaType.STRING);
    }
}

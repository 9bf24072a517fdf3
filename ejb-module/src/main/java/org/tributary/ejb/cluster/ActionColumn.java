package org.tributary.ejb.cluster;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A {@link ClusterCommand}'s action as its name in a plain column (no CHECK constraint to outgrow). */
@Converter
public class ActionColumn implements AttributeConverter<ClusterCommand.Action, String> {

    @Override
    public String convertToDatabaseColumn(ClusterCommand.Action action) {
        return action == null ? null : action.name();
    }

    @Override
    public ClusterCommand.Action convertToEntityAttribute(String name) {
        return name == null ? null : ClusterCommand.Action.valueOf(name);
    }
}

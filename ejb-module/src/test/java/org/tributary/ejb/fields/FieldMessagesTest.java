package org.tributary.ejb.fields;

import org.junit.jupiter.api.Test;

import java.util.MissingResourceException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FieldMessagesTest {

    @Test
    void quotesStayAsWrittenAndTheValueIsFilledIn() {
        assertEquals("1 to 255 characters, no ':' and no spaces.", FieldMessages.text("streaming.name"));
        assertEquals("'x/9' is not an address block like 10.0.0.0/8", FieldMessages.text("rule.block", "x/9"));
        assertEquals("At least 8 and at most 255 characters.", FieldMessages.text("account.password", 8));
    }

    @Test
    void anUnknownKeyIsAnError() {
        assertThrows(MissingResourceException.class, () -> FieldMessages.text("no.such.key"));
    }
}

package org.tributary.transport;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MulticastRangeTest {

    @Test
    void aPrefixHoldsEveryAddressUnderIt() {
        MulticastRange range = MulticastRange.parse(" 239.255.42.77/24 ");
        assertEquals(256, range.size());
        assertEquals("239.255.42.0", range.group(0).getHostAddress());
        assertEquals("239.255.42.255", range.group(255).getHostAddress());
        assertThrows(IndexOutOfBoundsException.class, () -> range.group(256));
    }

    @Test
    void aPairAndASingleAddressAreRanges() {
        MulticastRange pair = MulticastRange.parse("239.1.1.254-239.1.2.1");
        assertEquals(4, pair.size());
        assertEquals("239.1.2.0", pair.group(2).getHostAddress());
        assertEquals(1, MulticastRange.parse("224.0.1.1").size());
        assertEquals("239.1.1.254-239.1.2.1", pair.toString());
    }

    @Test
    void aRangeOutsideTheMulticastBlockIsRefusedWithTheReason() {
        String why = assertThrows(IllegalArgumentException.class, () -> MulticastRange.parse("10.0.0.0/24")).getMessage();
        assertTrue(why.contains("is not a multicast range") && why.contains("224.0.0.0/4"), why);
        assertThrows(IllegalArgumentException.class, () -> MulticastRange.parse("239.255.255.255-240.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> MulticastRange.parse("224.0.0.0/3"));
        assertTrue(MulticastRange.parse("224.0.0.0/4").size() == 1L << 28);
    }

    @Test
    void malformedTextIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MulticastRange.parse("239.1.1"))
                .getMessage().contains("not an IPv4 address"));
        assertThrows(IllegalArgumentException.class, () -> MulticastRange.parse("239.1.1.300"));
        assertThrows(IllegalArgumentException.class, () -> MulticastRange.parse("239.1.1.0/x"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MulticastRange.parse("239.1.1.9-239.1.1.1"))
                .getMessage().contains("before the first"));
        assertThrows(IllegalArgumentException.class, () -> MulticastRange.parse(""));
    }
}

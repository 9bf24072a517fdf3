package org.tributary.web.hls;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcceptEncodingTest {

    @Test
    void gzipListedOrStarIsTaken() {
        assertTrue(AcceptEncoding.gzip("gzip, deflate, br"));
        assertTrue(AcceptEncoding.gzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(AcceptEncoding.gzip("*"));
        assertTrue(AcceptEncoding.gzip("identity, *;q=0.1"));
    }

    @Test
    void noHeaderOtherCodingsOrQZeroAreNot() {
        assertFalse(AcceptEncoding.gzip(null));
        assertFalse(AcceptEncoding.gzip(""));
        assertFalse(AcceptEncoding.gzip("br, deflate"));
        assertFalse(AcceptEncoding.gzip("gzip;q=0"));
        assertFalse(AcceptEncoding.gzip("gzip;q=0, *"), "gzip refused by name wins over the star");
        assertFalse(AcceptEncoding.gzip("gzip;q=nonsense"));
    }
}

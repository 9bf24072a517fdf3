package org.tributary.sdp;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * SDP text (UTF-8, as stored in hinted QuickTime files and sent with ANNOUNCE). The parser may refuse
 * with {@link SdpParseException}, naming the line; anything else thrown is a bug.
 */
class SdpParserFuzzTest {

    @FuzzTest
    void parse(byte[] data) {
        SessionDescription sdp;
        try {
            sdp = SdpParser.parse(new String(data, StandardCharsets.UTF_8));
        } catch (SdpParseException refused) {
            return;
        }
        for (MediaDescription m : sdp.media()) {
            assertNotNull(m.formats());
            m.control();
        }
        sdp.attribute("control");
    }
}

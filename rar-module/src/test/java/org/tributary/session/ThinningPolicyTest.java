package org.tributary.session;

import org.junit.jupiter.api.Test;
import org.tributary.rtp.rtcp.ReceptionReport;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tributary.session.ThinningLevel.KEY_FRAMES_ONLY;
import static org.tributary.session.ThinningLevel.NONE;
import static org.tributary.session.ThinningLevel.NON_REFERENCE;

/** The thinning decision on recorded receiver-report series: one report every 5 s, as players send them. */
class ThinningPolicyTest {

    private static final long REPORT_NANOS = 5_000_000_000L;

    /** Threshold 10 % (fraction 25/256), 8 s at least per level. */
    private final ThinningPolicy policy = new ThinningPolicy(10, 8_000);

    private List<ThinningLevel> play(int... lossPercents) {
        return playWithJitter(0, lossPercents);
    }

    private List<ThinningLevel> playWithJitter(long jitter, int... lossPercents) {
        List<ThinningLevel> levels = new ArrayList<>();
        for (int i = 0; i < lossPercents.length; i++) {
            int fraction = lossPercents[i] * 256 / 100;
            ReceptionReport report = new ReceptionReport(1, 2, fraction, 0, 1000 + i, jitter, 0, 0);
            levels.add(policy.report(report, (i + 1) * REPORT_NANOS));
        }
        return levels;
    }

    @Test
    void noLossNeverThins() {
        assertEquals(List.of(NONE, NONE, NONE, NONE), play(0, 0, 1, 0));
    }

    @Test
    void steadyLossThinsStepByStepNoFasterThanTheMinimumTimePerLevel() {
        // 20 % at 5 s, 10 s, 15 s, 20 s: up at once, kept at 10 s (5 s < 8 s), up again at 15 s, then the top
        assertEquals(List.of(NON_REFERENCE, NON_REFERENCE, KEY_FRAMES_ONLY, KEY_FRAMES_ONLY), play(20, 20, 20, 20));
    }

    @Test
    void aSingleBurstThinsOneLevelAndRecoversOnceItHasHeldItsTime() {
        assertEquals(List.of(NONE, NON_REFERENCE, NON_REFERENCE, NONE, NONE), play(0, 30, 0, 0, 0));
    }

    @Test
    void recoveryRestoresOneLevelAtATime() {
        assertEquals(List.of(NON_REFERENCE, NON_REFERENCE, KEY_FRAMES_ONLY, KEY_FRAMES_ONLY, NON_REFERENCE,
                NON_REFERENCE, NONE, NONE), play(25, 25, 25, 0, 0, 0, 0, 0));
    }

    @Test
    void lossBetweenHalfTheThresholdAndTheThresholdKeepsTheLevel() {
        // 7 % is neither above 10 % nor at or below 5 %: the level stays where it is, in both directions
        assertEquals(List.of(NONE, NON_REFERENCE, NON_REFERENCE, NON_REFERENCE, NON_REFERENCE, NONE),
                play(7, 15, 7, 7, 7, 2));
    }

    @Test
    void jitterWithoutLossDoesNotThin() {
        assertEquals(List.of(NONE, NONE, NONE), playWithJitter(90_000, 0, 0, 0));
    }

    @Test
    void limitsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ThinningPolicy(0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new ThinningPolicy(101, 1000));
        assertThrows(IllegalArgumentException.class, () -> new ThinningPolicy(10, -1));
    }
}

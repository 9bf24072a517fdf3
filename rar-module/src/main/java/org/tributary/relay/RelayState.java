package org.tributary.relay;

/** What a relay is doing, in the words {@code api.RelayInfo} documents. */
enum RelayState {
    IDLE("idle"), CONNECTING("connecting"), PLAYING("playing"), BACKING_OFF("backing off"), WAITING("waiting"),
    DISABLED("disabled");

    final String word;

    RelayState(String word) {
        this.word = word;
    }
}

package org.tributary.mp3http;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stations by mount (the catalogue's canonical path). A station is made by its first feed and leaves
 * when it ends; a playlist and a live source may share one (the live source has the air while connected).
 */
public final class Mp3Stations {

    /** A feed of that kind is at the mount already. */
    public static final class MountTaken extends Exception {
        MountTaken(String message) {
            super(message);
        }
    }

    private final Map<String, Mp3Station> byMount = new TreeMap<>();
    private final int ringBytes;

    public Mp3Stations() {
        this(Mp3Station.RING_BYTES);
    }

    /** @param ringBytes recent audio kept per station */
    Mp3Stations(int ringBytes) {
        this.ringBytes = ringBytes;
    }

    /** The station at a canonical mount, or null. */
    public synchronized Mp3Station at(String mount) {
        Mp3Station station = byMount.get(mount);
        return station == null || station.ended() ? null : station;
    }

    /** The playlist feed of the station at {@code mount}, made with these headers unless a live source made it. */
    public synchronized Mp3Station.Feed openPlaylist(String mount, StationHeaders headers) throws MountTaken {
        Mp3Station.Feed feed = station(mount, headers).openPlaylist();
        if (feed == null) {
            throw new MountTaken(mount + ": a playlist feeds the station there already");
        }
        return feed;
    }

    /** The live feed of the station at {@code mount}; a station made for it ends when it closes. */
    synchronized Mp3Station.Feed openLive(String mount, StationHeaders headers) throws MountTaken {
        Mp3Station.Feed feed = station(mount, headers).openLive();
        if (feed == null) {
            throw new MountTaken("Mountpoint in use: a source feeds " + mount + " already");
        }
        return feed;
    }

    private Mp3Station station(String mount, StationHeaders headers) {
        Mp3Station station = byMount.get(mount);
        if (station == null || station.ended()) {
            station = new Mp3Station(mount, headers, ringBytes, this::ended);
            byMount.put(mount, station);
        }
        return station;
    }

    private synchronized void ended(Mp3Station station) {
        byMount.remove(station.mount(), station);
    }

    public synchronized List<Mp3Station> all() {
        return List.copyOf(byMount.values());
    }
}

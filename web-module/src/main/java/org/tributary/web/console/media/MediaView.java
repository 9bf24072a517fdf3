package org.tributary.web.console.media;

import org.tributary.api.access.MediaPaths;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.web.console.ConsoleUser;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.api.MediaFileInfo;
import org.tributary.ejb.media.MediaLibraryService;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The Media page: the files the server sees, folder by folder, optionally filtered by a part of the path. */
@Named
@RequestScoped
public class MediaView {

    /** How long the token of a console player lasts: a long film, watched with pauses. */
    static final long PLAYER_TOKEN_SECONDS = 4 * 3600;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(MediaView.class.getName());

    @EJB
    private MediaLibraryService library;

    @EJB
    private AdapterClient adapter;

    @Inject
    private ConsoleUser me;

    private String play;
    private Player player;

    private String filter;
    private List<MediaFolder> folders;
    private String error;
    private int files;
    private int unplayable;

    /** The view action: reads the catalogue once the filter is set. */
    public void load() {
        List<MediaFileInfo> entries;
        try {
            entries = library.entries();
        } catch (AdapterOfflineException e) {
            error = e.getMessage();
            folders = List.of();
            return;
        }
        String f = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        Map<String, List<MediaFileInfo>> byFolder = new TreeMap<>();
        for (MediaFileInfo e : entries) {
            if (!f.isEmpty() && !e.path().toLowerCase(Locale.ROOT).contains(f)) {
                continue;
            }
            int slash = e.path().lastIndexOf('/');
            byFolder.computeIfAbsent(slash < 0 ? "" : e.path().substring(0, slash), k -> new ArrayList<>()).add(e);
            files++;
            if (!e.playable()) {
                unplayable++;
            }
        }
        folders = byFolder.entrySet().stream().map(e -> new MediaFolder(e.getKey(),
                e.getValue().stream().sorted(java.util.Comparator.comparing(MediaFileInfo::path)).toList())).toList();
        if (play != null && !play.isBlank()) {
            openPlayer(entries);
        }
    }

    /**
     * The player for {@code ?play=<path>}: an operator's player carries a signed token (it plays whatever the
     * folder rules say, for {@link #PLAYER_TOKEN_SECONDS}); a viewer's carries none, so the folder rules decide
     * as they do for RTSP. A live broadcast plays the same way (the dashboard's Play buttons lead here). A path that
     * is neither a streamable file nor a live broadcast gets a message instead.
     */
    private void openPlayer(List<MediaFileInfo> entries) {
        MediaFileInfo file = entries.stream().filter(e -> e.path().equals(play)).findFirst().orElse(null);
        boolean live = file == null && isBroadcast(play);
        if (!live && (file == null || !file.playable())) {
            playerError = file == null ? "There is no media file or live broadcast " + play + "."
                    : play + " cannot be streamed: " + file.problem();
            return;
        }
        String path = live ? play : file.path();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String token = null;
        if (me.isOperator()) {
            try {
                token = adapter.mintHlsToken(path, PLAYER_TOKEN_SECONDS).token();
            } catch (AdapterClient.AdapterUnavailableException | AdapterClient.HlsTokenRefusedException e) {
                LOG.warning("no token for the console player of " + path + ": " + e.getMessage());
            }
        }
        String origin = external.getRequestScheme() + "://" + external.getRequestServerName() + ":"
                + external.getRequestServerPort();
        PlayerLinks links = new PlayerLinks(origin, external.getRequestContextPath());
        String host = external.getRequestServerName();
        player = new Player(path, live, token != null, links.playerPageUrl(path, token), links.hlsUrl(path, token),
                live ? library.rtspUrl(path, host) : url(file), links.embedSnippet(path, token));
    }

    /** Whether a live broadcast is at the path now. */
    private boolean isBroadcast(String path) {
        try {
            return adapter.broadcasts().stream().anyMatch(b -> b.path().equals(path));
        } catch (AdapterClient.AdapterUnavailableException e) {
            return false;
        }
    }

    /**
     * The open player.
     *
     * @param path       the file or live stream
     * @param live       whether it is a live broadcast
     * @param tokened    whether its URLs carry a token (an operator's) or leave access to the folder rules
     * @param pageUrl    the standalone player page, which the console shows in a frame and an intranet page can embed
     * @param hlsUrl     the HLS playlist
     * @param rtspUrl    the RTSP URL
     * @param embed      an {@code <iframe>} snippet of the player page
     */
    public record Player(String path, boolean live, boolean tokened, String pageUrl, String hlsUrl, String rtspUrl, String embed) {
    }

    private String playerError;

    public Player getPlayer() { return player; }
    public String getPlayerError() { return playerError; }
    public String getPlay() { return play; }
    public void setPlay(String play) { this.play = play; }

    /** The copyable URL, for the host name the browser used to reach the console. */
    public String url(MediaFileInfo e) {
        return library.rtspUrl(e, FacesContext.getCurrentInstance().getExternalContext().getRequestServerName());
    }

    /** A path as a query parameter value. */
    public String encoded(String path) {
        return MediaPaths.urlComponent(path);
    }

    /** The file's name without its folder. */
    public String name(MediaFileInfo e) {
        return e.path().substring(e.path().lastIndexOf('/') + 1);
    }

    public List<MediaFolder> getFolders() { return folders; }
    public String getError() { return error; }
    public int getFiles() { return files; }
    public int getUnplayable() { return unplayable; }
    public String getFilter() { return filter; }
    public void setFilter(String filter) { this.filter = filter; }

    /**
     * One folder of the library.
     *
     * @param path    relative to the media root, "" for the root
     * @param entries its files, by name
     */
    public record MediaFolder(String path, List<MediaFileInfo> entries) {
    }
}

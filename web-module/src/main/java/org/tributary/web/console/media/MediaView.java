package org.tributary.web.console.media;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
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

    @EJB
    private MediaLibraryService library;

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
    }

    /** The copyable URL, for the host name the browser used to reach the console. */
    public String url(MediaFileInfo e) {
        return library.rtspUrl(e, FacesContext.getCurrentInstance().getExternalContext().getRequestServerName());
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

package org.tributary.web.console.darwin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.tributary.ejb.darwin.DarwinExport;

import java.util.List;

/** The Import/Export page: which qtaccess files can be exported (one per folder rule). */
@Named
@RequestScoped
public class DarwinView {

    @EJB
    private DarwinExport export;

    /** Folders with a rule, "" for the media root, sorted. */
    public List<String> getAccessFolders() {
        return export.qtaccess().keySet().stream().sorted().toList();
    }
}

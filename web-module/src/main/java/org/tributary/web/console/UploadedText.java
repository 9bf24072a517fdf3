package org.tributary.web.console;

import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The text of a form's file field, or of the text area beside it: how the import pages take Darwin's files. */
public final class UploadedText {

    /** The largest file an import page reads. */
    public static final long MAX_BYTES = 4 * 1024 * 1024;

    private UploadedText() {
    }

    /** The uploaded file's text, else the pasted text, else null; a file too large or unreadable is a problem. */
    public static String of(Part upload, String pasted, String field, FieldCheck check) {
        if (upload != null && upload.getSize() > 0) {
            if (upload.getSize() > MAX_BYTES) {
                check.problem(field, "At most 4 MB.");
                return null;
            }
            try (InputStream in = upload.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                check.problem(field, "The upload could not be read: " + e.getMessage());
                return null;
            }
        }
        return pasted == null || pasted.isBlank() ? null : pasted;
    }
}

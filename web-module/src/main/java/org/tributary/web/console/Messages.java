package org.tributary.web.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.util.Map;

/** Faces messages: page-wide ones, ones next to a field, and ones that survive a redirect. */
public final class Messages {

    private Messages() {
    }

    /** An error next to the component with this client id (null: for the whole page). */
    public static void error(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    /** An info message shown on the page the action redirects to. */
    public static void infoAfterRedirect(String text) {
        info(text);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    /** Field errors keyed by field id, each shown next to "form:field". */
    public static void fieldErrors(String form, Map<String, String> errors) {
        errors.forEach((field, text) -> error(form + ":" + field, text));
    }
}

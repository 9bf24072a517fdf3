package org.tributary.web.console;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps stack traces off the pages. An expired view (the session ended while the page was open) sends the
 * browser back to the same page with a message; any other failure is logged with an id and the browser
 * goes to the error page, which the container also shows for anything that escapes Faces.
 */
public class ConsoleExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ConsoleExceptionHandler.class.getName());

    public ConsoleExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            Throwable thrown = events.next().getContext().getException();
            events.remove();
            if (context.getResponseComplete() || context.getExternalContext().isResponseCommitted()) {
                LOG.log(Level.SEVERE, "console page failed after its answer had started", thrown);
                continue;
            }
            if (root(thrown) instanceof ViewExpiredException expired) {
                Messages.infoAfterRedirect("The page had expired (for example after a new login); please try again.");
                redirect(context, expired.getViewId());
            } else {
                String id = UUID.randomUUID().toString().substring(0, 8);
                LOG.log(Level.SEVERE, "console page failed (error id " + id + ")", thrown);
                redirect(context, "/error.html");
            }
        }
        getWrapped().handle();
    }

    private static Throwable root(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof FacesException || t instanceof jakarta.el.ELException) && t.getCause() != null
                && !(t instanceof ViewExpiredException)) {
            t = t.getCause();
        }
        return t;
    }

    private static void redirect(FacesContext context, String viewId) {
        ExternalContext external = context.getExternalContext();
        try {
            String target = viewId == null || viewId.isEmpty() || !viewId.startsWith("/") ? "/index.xhtml" : viewId;
            external.redirect(external.getRequestContextPath() + target);
            context.responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

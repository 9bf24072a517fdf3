package org.tributary.ejb.logs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.EJB;
import org.tributary.api.event.AccessRecord;
import org.tributary.ejb.adapter.AdapterClient;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The access log file: one W3C line per record, rolled by size and age, with Darwin's STARTUP and
 * SHUTDOWN remarks. Writes are serialized by {@link RollingLogFile}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccessLog {

    private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());
    static final String SOFTWARE = "Tributary/0.1.0";

    @EJB
    private AdapterClient adapter;

    @EJB
    private HistoryRecorder history;

    private W3cAccessLogFormat format;
    private RollingLogFile file;

    @PostConstruct
    void open() {
        LogSettings settings = LogSettings.fromSystemProperties();
        if (!settings.accessLogEnabled()) {
            LOG.info("the access log is off (tributary.access-log.enabled=false)");
            return;
        }
        format = new W3cAccessLogFormat(SOFTWARE, settings.zone());
        file = new RollingLogFile(settings.accessLogFile(), format::header, settings.maxBytes(), settings.rollDays(),
                Clock.systemUTC(), settings.zone());
        try {
            file.append(format.remark("STARTUP", Instant.now()));
            LOG.info("access log: " + settings.accessLogFile() + " (rolled at " + settings.maxBytes() + " bytes and every "
                    + settings.rollDays() + " days)");
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot write the access log " + settings.accessLogFile(), e);
        }
    }

    /** Appends the record's line; false (and an error-log line holding the record) when the file cannot be written. */
    public boolean write(AccessRecord record) {
        if (file == null) {
            return false;
        }
        String line = format.line(record);
        try {
            file.append(line);
            return true;
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot append to the access log " + file.file() + "; the line was: " + line, e);
            return false;
        }
    }

    public Path path() {
        return file == null ? null : file.file();
    }

    /** Changes the size limit at run time (0 = never by size); used by the console and by tests. */
    public void maxBytes(long bytes) {
        if (file != null) {
            file.maxBytes(bytes);
        }
    }

    /** Starts a new file now. */
    public void roll() throws IOException {
        if (file != null) {
            file.roll();
        }
    }

    /** Darwin checked the age hourly as well as on each write. */
    @Schedule(hour = "*", minute = "0", persistent = false)
    void rollIfOld() {
        try {
            if (file != null && file.rollIfOld()) {
                LOG.info("access log rolled by age");
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot roll the access log", e);
        }
    }

    /**
     * The application stops: the record bean has already stopped, so the sessions still open are ended
     * here and their records (and any not delivered yet) are written before the SHUTDOWN remark.
     */
    @PreDestroy
    void close() {
        try {
            for (AccessRecord record : adapter.endSessionsAndTakeRecords("server stopping")) {
                write(record);
                history.record(record);
            }
        } catch (AdapterClient.AdapterUnavailableException e) {
            LOG.warning("cannot collect the last access records: " + e.getMessage());
        }
        if (file == null) {
            return;
        }
        try {
            file.append(format.remark("SHUTDOWN", Instant.now()));
            file.close();
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot close the access log", e);
        }
    }
}

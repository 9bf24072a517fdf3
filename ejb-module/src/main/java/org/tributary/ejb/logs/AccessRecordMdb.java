package org.tributary.ejb.logs;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.tributary.api.event.AccessRecord;
import org.tributary.api.event.SessionEventListener;

import java.util.List;

/**
 * Receives the adapter's access records: the line goes to the access log first (it never depends on the
 * database), then the row to the session history.
 */
@MessageDriven(messageListenerInterface = SessionEventListener.class)
@ResourceAdapter("tributary.ear#tributary-rar.rar")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccessRecordMdb implements SessionEventListener {

    @EJB
    private AccessLog accessLog;

    @EJB
    private HistoryRecorder history;

    @Override
    public void accessRecorded(List<AccessRecord> records) {
        for (AccessRecord record : records) {
            accessLog.write(record);
        }
        history.record(records);
    }
}

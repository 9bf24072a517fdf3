package org.tributary.ejb.logs;

import java.io.Serializable;

/**
 * One entry of the error log.
 *
 * @param time    as written, "yyyy-MM-dd HH:mm:ss" in the server's zone
 * @param level   ERROR, WARN, INFO, DEBUG, TRACE (or FATAL)
 * @param message the rest of the line, "[Class] text", with any continuation lines (a stack trace) after it
 */
public record ErrorLogLine(String time, String level, String message) implements Serializable {
}

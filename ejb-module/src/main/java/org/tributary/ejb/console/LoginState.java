package org.tributary.ejb.console;

import java.io.Serializable;

/**
 * A console account as an open console session checks it on each request: its role now, and a stamp
 * that changes whenever its password does (so a reset password ends the account's other sessions).
 *
 * @param role          the account's role
 * @param passwordStamp a short digest of the stored password hash (reveals nothing usable about it)
 */
public record LoginState(ConsoleRole role, String passwordStamp) implements Serializable {
}

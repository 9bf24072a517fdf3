package org.tributary.web.console.accounts;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.tributary.ejb.console.ConsoleAccount;
import org.tributary.ejb.console.ConsoleAccountService;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The list of console accounts and their roles ({@code /admin/accounts.xhtml}, admins). */
@Named
@RequestScoped
public class AccountsView {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @EJB
    private ConsoleAccountService service;

    private List<ConsoleAccount> accounts;

    public List<ConsoleAccount> getAccounts() {
        if (accounts == null) {
            accounts = service.accounts();
        }
        return accounts;
    }

    public String created(ConsoleAccount account) {
        return DAY.format(account.getCreatedAt());
    }
}

package org.tributary.ejb.darwin;

import java.util.List;

/**
 * What an import did. With problems nothing was stored.
 *
 * @param problems bad lines, each with file name and line number
 * @param users    users stored or updated
 * @param groups   groups stored or extended
 * @param rules    folder rules stored or replaced
 */
public record ImportReport(List<ParseProblem> problems, int users, int groups, int rules) {

    public boolean stored() {
        return problems.isEmpty();
    }
}

package org.tributary.ejb.access;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.tributary.ejb.users.NameListConverter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Who may do one thing (read, or write) under a rule. */
@Embeddable
public class Permission {

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Audience audience = Audience.NOBODY;

    @Convert(converter = NameListConverter.class)
    @Column(length = 4000)
    private List<String> users = new ArrayList<>();

    @Convert(converter = NameListConverter.class)
    @Column(length = 4000)
    private List<String> groups = new ArrayList<>();

    protected Permission() {
    }

    public Permission(Audience audience, List<String> users, List<String> groups) {
        this.audience = audience;
        this.users = new ArrayList<>(users);
        this.groups = new ArrayList<>(groups);
    }

    public static Permission of(Audience audience) {
        return new Permission(audience, List.of(), List.of());
    }

    public static Permission listed(List<String> users, List<String> groups) {
        return new Permission(Audience.LISTED, users, groups);
    }

    public Audience getAudience() {
        return audience;
    }

    public List<String> getUsers() {
        return List.copyOf(users);
    }

    public List<String> getGroups() {
        return List.copyOf(groups);
    }

    /** Whether an authenticated user in these groups is admitted. */
    public boolean admits(String user, Collection<String> groupsOfUser) {
        return switch (audience) {
            case ANYONE, ANY_USER -> true;
            case NOBODY -> false;
            case LISTED -> users.contains(user) || groupsOfUser.stream().anyMatch(groups::contains);
        };
    }

    @Override
    public String toString() {
        return audience == Audience.LISTED ? "users " + users + " groups " + groups : audience.name();
    }
}

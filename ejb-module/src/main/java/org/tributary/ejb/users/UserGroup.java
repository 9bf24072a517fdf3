package org.tributary.ejb.users;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** A named group of user names, as a line of Darwin's qtgroups file. */
@Entity
@Table(name = "stream_group")
@NamedQuery(name = UserGroup.ALL, query = "select g from UserGroup g order by g.name")
public class UserGroup {

    static final String ALL = "UserGroup.all";

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true, length = 255)
    private String name;

    @Convert(converter = NameListConverter.class)
    @Column(nullable = false, length = 16000)
    private List<String> members = new ArrayList<>();

    protected UserGroup() {
    }

    public UserGroup(String name, List<String> members) {
        this.name = name;
        this.members = new ArrayList<>(members);
    }

    public String getName() {
        return name;
    }

    public List<String> getMembers() {
        return List.copyOf(members);
    }

    public void setMembers(List<String> members) {
        this.members = new ArrayList<>(members);
    }
}

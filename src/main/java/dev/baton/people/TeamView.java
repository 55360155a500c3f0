package dev.baton.people;

public record TeamView(Long id, String key, String name, long version) {

    public static TeamView from(Team t) {
        return new TeamView(t.getId(), t.getKey(), t.getName(), t.getVersion());
    }
}

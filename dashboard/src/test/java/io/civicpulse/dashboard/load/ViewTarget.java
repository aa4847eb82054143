package io.civicpulse.dashboard.load;

/**
 * One view as a browser asks for it: its route and query string, and a piece of the server's answer that only that
 * view, built for that filter, contains, so a load that shows an error, the login page or another view counts as
 * failed.
 *
 * @param route the path without its leading slash ({@code ""} for the scoreboard), as Vaadin's client sends it
 * @param query the query string without {@code ?}; empty for none
 * @param expected text the view's first server answer must contain
 */
public record ViewTarget(ViewKind kind, String route, String query, String expected) {

    /** The address a person types or bookmarks. */
    public String path() {
        return "/" + route + (query.isEmpty() ? "" : "?" + query);
    }
}

package io.civicpulse.kpi;

/** The three canonical input feeds (feeds.md). A file belongs to a feed by its name prefix. */
public enum Feed {
    CONTACTS("contacts", "contact_id"),
    CASES("cases", "case_id"),
    SURVEYS("surveys", "response_id");

    private final String prefix;
    private final String idColumn;

    Feed(String prefix, String idColumn) {
        this.prefix = prefix;
        this.idColumn = idColumn;
    }

    public String prefix() {
        return prefix;
    }

    public String idColumn() {
        return idColumn;
    }

    /** {@code contacts*.csv} or {@code contacts*.csv.gz}, case-sensitive as the contract writes it. */
    public boolean owns(String fileName) {
        return fileName.startsWith(prefix) && (fileName.endsWith(".csv") || fileName.endsWith(".csv.gz"));
    }
}

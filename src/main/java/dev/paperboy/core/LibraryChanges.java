package dev.paperboy.core;

/** How one library snapshot differs from the one before it. */
public record LibraryChanges(int digestsAdded, int digestsRemoved, int digestsChanged,
                             int papersAdded, int papersRemoved, int papersChanged) {

    public boolean none() {
        return digestsAdded + digestsRemoved + digestsChanged + papersAdded + papersRemoved + papersChanged == 0;
    }

    /** One line for people: {@code digests +1 -0 ~2, papers +4 -0 ~1}. */
    public String summary() {
        if (none()) {
            return "nothing changed";
        }
        return "digests +" + digestsAdded + " -" + digestsRemoved + " ~" + digestsChanged
                + ", papers +" + papersAdded + " -" + papersRemoved + " ~" + papersChanged
                + " (added, removed, changed)";
    }
}

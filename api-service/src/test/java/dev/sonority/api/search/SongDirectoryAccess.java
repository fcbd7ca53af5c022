package dev.sonority.api.search;

import org.springframework.context.ApplicationContext;

/** For tests of other features: brings the in-memory song directory up to date with PostgreSQL, as its refresh does. */
public final class SongDirectoryAccess {

    private SongDirectoryAccess() {
    }

    public static void refresh(ApplicationContext context) {
        context.getBean(SongDirectory.class).refresh();
    }
}

package app.booksflow.desktop.store;

import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway's migrations, each announced before it runs: new books are created in a second, but books kept by an
 * earlier version may take minutes to update (V18 rewrites every payee and memo term: 270 s for 1,000,000
 * transactions), and the window says so instead of a bare "Opening the books".
 */
final class MigrationStages implements Callback {

    private final Consumer<String> stages;
    private final boolean update;
    private final int pending;
    private int step;

    private MigrationStages(Consumer<String> stages, boolean update, int pending) {
        this.stages = stages;
        this.update = update;
        this.pending = pending;
    }

    /**
     * Applies the pending migrations, announcing each to {@code stages}; returns how many ran.
     *
     * @throws NewerBooksException when a newer version of the app has migrated the books further than this
     *     one knows (Flyway would ignore those migrations and go on): nothing is changed
     */
    static int migrate(FluentConfiguration configuration, Consumer<String> stages) {
        MigrationInfoService info = configuration.load().info();
        refuseNewer(info);
        MigrationStages callback = new MigrationStages(stages, info.applied().length > 0, info.pending().length);
        Flyway flyway = configuration.callbacks(callback).load();
        return flyway.migrate().migrationsExecuted;
    }

    private static void refuseNewer(MigrationInfoService info) {
        MigrationVersion newest = null;
        MigrationVersion shipped = MigrationVersion.EMPTY;
        for (MigrationInfo migration : info.all()) {
            MigrationVersion version = migration.getVersion();
            if (version == null) {
                continue;
            }
            MigrationState state = migration.getState();
            if ((state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED)
                    && (newest == null || version.isNewerThan(newest.getVersion()))) {
                newest = version;
            }
            if (state.isResolved() && version.isNewerThan(shipped.getVersion())) {
                shipped = version;
            }
        }
        if (newest != null) {
            throw new NewerBooksException(newest.getVersion(), shipped.getVersion());
        }
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        step++;
        stages.accept(update
                ? "Updating the books for this version of BooksFlow, step " + step + " of " + pending + " ("
                        + context.getMigrationInfo().getDescription() + "). Large books take a few minutes; "
                        + "please leave BooksFlow open."
                : "Creating the books, step " + step + " of " + pending + ".");
    }

    @Override
    public String getCallbackName() {
        return "booksflow-migration-stages";
    }
}

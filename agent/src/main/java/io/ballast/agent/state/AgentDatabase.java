package io.ballast.agent.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The agent's SQLite file (event journal and stats history). One connection, used under its own
 * lock: writes are small and the agent is the only writer. WAL keeps readers off the writer's back
 * and survives kill -9.
 */
public final class AgentDatabase implements AutoCloseable {

    private final Connection connection;

    private AgentDatabase(Connection connection) {
        this.connection = connection;
    }

    public static AgentDatabase open(Path file) throws IOException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            AtomicFiles.restrict(file);
            return new AgentDatabase(connection);
        } catch (SQLException e) {
            throw new IOException("cannot open the agent database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs work with the connection, one caller at a time. */
    public synchronized <T> T with(SqlWork<T> work) throws SQLException {
        return work.run(connection);
    }

    /** Runs work in one transaction: all of it is stored or none. */
    public synchronized <T> T inTransaction(SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing at shutdown: WAL replays whatever was not checkpointed on the next start.
        }
    }

    /** Work done with the connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}

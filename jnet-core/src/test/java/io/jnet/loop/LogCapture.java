package io.jnet.loop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what a {@link System.Logger} logs through java.util.logging, the JDK's default backend,
 * while it is open; the records are kept from the parent handlers (nothing reaches stderr).
 */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger;
  private final Level savedLevel;
  private final boolean savedUseParent;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogCapture(Logger logger, Level level) {
    this.logger = logger;
    this.savedLevel = logger.getLevel();
    this.savedUseParent = logger.getUseParentHandlers();
    setLevel(Level.ALL);
    logger.setLevel(level);
    logger.setUseParentHandlers(false);
    logger.addHandler(this);
  }

  /** Captures {@code name}'s records at INFO and above. */
  static LogCapture of(String name) {
    return new LogCapture(Logger.getLogger(name), Level.INFO);
  }

  /** Captures {@code name}'s records at every level, DEBUG (FINE) included. */
  static LogCapture all(String name) {
    return new LogCapture(Logger.getLogger(name), Level.ALL);
  }

  List<LogRecord> records() {
    return records;
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(savedLevel);
    logger.setUseParentHandlers(savedUseParent);
  }
}

package app.booksflow.desktop.gui.task;

/** A background task failed and nothing in the task handled it: a bug or an unforeseen situation. */
public record TaskFailure(String taskTitle, Throwable error) {
}

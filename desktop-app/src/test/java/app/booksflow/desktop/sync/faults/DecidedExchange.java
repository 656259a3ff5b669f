package app.booksflow.desktop.sync.faults;

/** An exchange with the faults decided for it, as the proxy logs them for a campaign's report. */
public record DecidedExchange(Exchange exchange, Faults faults) {
}

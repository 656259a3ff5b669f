package app.booksflow.testdata.receipts;

/** How often and how hard receipts are degraded. */
public enum DegradationMix {
    /** No degradation at all: the picture as rendered. */
    CLEAN,
    /**
     * What arrives from accountants' clients: about 45 % untouched, 15 % with one mild skew, noise or JPEG
     * step, 40 % with one to three steps of normal strength, of which about a quarter are heavy.
     */
    REALISTIC,
    /** Every receipt gets one to four steps of any strength: for coverage and robustness tests. */
    STRESS
}

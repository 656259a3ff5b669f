package app.booksflow.testdata;

import java.time.LocalDate;
import java.util.Map;

/**
 * Places a client's irregular transactions on the days of the period: exactly as many as asked, in
 * date order, each day getting a share in proportion to its weight. A day's weight is the sum over
 * categories of base frequency x season x growth x weekday, so takings peak in the high season and
 * offices are quiet on Sundays.
 *
 * <p>The events are the sorted order statistics of uniform points on the cumulative weight, drawn one
 * after the other (each gap is a fraction of the rest given by a Beta(1, n) draw), so no list of a
 * client's events is ever built, however busy the client.
 */
final class IrregularEvents {

    private static final double DAYS_PER_YEAR = 365.25;

    private final Category[] categories;
    private final double[][] weights;
    private final double[] dayWeights;
    private final double[] cumulative;
    private final Draws draws;
    private long remaining;
    private double position;
    private int day;

    IrregularEvents(ClientProfile profile, LocalDate from, int days, long count, Draws draws) {
        Map<Category, Double> base = profile.kind().weights();
        this.categories = base.keySet().toArray(new Category[0]);
        this.weights = new double[days][categories.length];
        this.dayWeights = new double[days];
        this.cumulative = new double[days];
        this.draws = draws;
        this.remaining = count;
        double growthRate = StrictMath.log1p(profile.yearlyGrowth());
        double weightSum = 0;
        LocalDate date = from;
        for (int d = 0; d < days; d++, date = date.plusDays(1)) {
            double years = d / DAYS_PER_YEAR;
            double trend = StrictMath.exp(growthRate * years);
            double season = 1 + profile.kind().seasonality()
                    * StrictMath.cos(2 * StrictMath.PI * (date.getDayOfYear() - profile.kind().peakDayOfYear()) / DAYS_PER_YEAR);
            int weekday = date.getDayOfWeek().getValue() - 1;
            for (int c = 0; c < categories.length; c++) {
                Category category = categories[c];
                // Costs that do not follow sales grow more slowly than the business.
                double scale = category.isSeasonal() ? season * trend : StrictMath.sqrt(trend);
                weights[d][c] = base.get(category) * scale * category.weekdays().factor(weekday);
                dayWeights[d] += weights[d][c];
            }
            weightSum += dayWeights[d];
            cumulative[d] = weightSum;
        }
    }

    boolean hasNext() {
        return remaining > 0;
    }

    /** The day (from the start of the period) of the next event; never earlier than the last one. */
    int nextDay() {
        if (remaining <= 0) {
            throw new IllegalStateException("no irregular events left");
        }
        double weightSum = cumulative[cumulative.length - 1];
        double u = 1.0 - draws.uniform();
        position += (weightSum - position) * -StrictMath.expm1(StrictMath.log(u) / remaining);
        remaining--;
        while (day < cumulative.length - 1 && cumulative[day] <= position) {
            day++;
        }
        return day;
    }

    /** What the event on this day is, in proportion to the categories' weights that day. */
    Category categoryOn(int onDay) {
        return categories[draws.weighted(weights[onDay], categories.length, dayWeights[onDay])];
    }
}

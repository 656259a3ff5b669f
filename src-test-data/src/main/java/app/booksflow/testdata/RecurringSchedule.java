package app.booksflow.testdata;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a client's monthly bills fall due in the period. A quiet client cannot have 24 rent payments
 * among its 30 transactions, so bills are kept in priority order (rent first) only while they take no
 * more than half of the client's transactions; the rest are irregular.
 */
final class RecurringSchedule {

    /** One bill falling due; {@code month} counts months from the start of the period, for yearly rent rises. */
    record Due(LocalDate date, Bill bill, int month) {
    }

    private RecurringSchedule() {
    }

    static List<Due> plan(List<Bill> bills, LocalDate from, LocalDate to, long transactions, Draws draws) {
        List<Due> plan = new ArrayList<>();
        long limit = transactions / 2;
        boolean full = false;
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        for (Bill bill : bills) {
            List<Due> dues = new ArrayList<>();
            int month = 0;
            for (YearMonth yearMonth = first; !yearMonth.isAfter(last); yearMonth = yearMonth.plusMonths(1), month++) {
                int day = bill.dayOfMonth();
                if (bill.category() == Category.UTILITIES) {
                    day += draws.between(-3, 3); // meters are read on slightly different days
                }
                LocalDate date = yearMonth.atDay(Math.min(day, yearMonth.lengthOfMonth()));
                if (!date.isBefore(from) && !date.isAfter(to)) {
                    dues.add(new Due(date, bill, month));
                }
            }
            full |= plan.size() + dues.size() > limit;
            if (!full) {
                plan.addAll(dues);
            }
        }
        plan.sort(Comparator.comparing(Due::date)); // stable: bills of one day keep their priority
        return plan;
    }
}

package app.booksflow.desktop.gui.dashboard;

import app.booksflow.desktop.gui.ViewLoader;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** Binds Dashboard.fxml to the {@link DashboardViewModel}; the charts are rebuilt when its lists change. */
public final class DashboardView {

    private final DashboardViewModel viewModel;
    private final Parent root;

    @FXML private Label clientNameLabel;
    @FXML private Label messageLabel;
    @FXML private VBox figures;
    @FXML private Label periodLabel;
    @FXML private Label incomeLabel;
    @FXML private Label incomeLastMonthLabel;
    @FXML private Label expensesLabel;
    @FXML private Label expensesLastMonthLabel;
    @FXML private Label profitLabel;
    @FXML private Label profitLastMonthLabel;
    @FXML private Label pendingReceiptsLabel;
    @FXML private Label accuracyLabel;
    @FXML private Label averageProcessingTimeLabel;
    @FXML private BarChart<String, Number> monthsChart;
    @FXML private PieChart categoriesChart;
    @FXML private ListView<String> activityList;

    public DashboardView(DashboardViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        clientNameLabel.textProperty().bind(viewModel.clientNameProperty().map(name -> name.isEmpty() ? "Dashboard" : name));
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        figures.visibleProperty().bind(viewModel.clientNameProperty().isNotEmpty());
        figures.managedProperty().bind(figures.visibleProperty());
        periodLabel.textProperty().bind(viewModel.periodProperty());
        incomeLabel.textProperty().bind(viewModel.incomeProperty());
        incomeLastMonthLabel.textProperty().bind(viewModel.incomeLastMonthProperty());
        expensesLabel.textProperty().bind(viewModel.expensesProperty());
        expensesLastMonthLabel.textProperty().bind(viewModel.expensesLastMonthProperty());
        profitLabel.textProperty().bind(viewModel.profitProperty());
        profitLastMonthLabel.textProperty().bind(viewModel.profitLastMonthProperty());
        pendingReceiptsLabel.textProperty().bind(viewModel.pendingReceiptsProperty());
        accuracyLabel.textProperty().bind(viewModel.accuracyProperty());
        averageProcessingTimeLabel.textProperty().bind(viewModel.averageProcessingTimeProperty());
        activityList.setItems(viewModel.recentActivity());
        activityList.setPlaceholder(new Label("No changes yet."));

        ListChangeListener<ChartPoint> monthsChanged = change -> showMonths();
        viewModel.monthlyIncome().addListener(monthsChanged);
        viewModel.monthlyExpenses().addListener(monthsChanged);
        viewModel.expensesByCategory().addListener((ListChangeListener<ChartPoint>) change -> showCategories());
        showMonths();
        showCategories();
    }

    private void showMonths() {
        monthsChart.getData().setAll(series("Income", viewModel.monthlyIncome()),
                series("Expenses", viewModel.monthlyExpenses()));
    }

    private static XYChart.Series<String, Number> series(String name, ObservableList<ChartPoint> points) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (ChartPoint point : points) {
            series.getData().add(new XYChart.Data<>(point.label(), point.value()));
        }
        return series;
    }

    private void showCategories() {
        categoriesChart.getData().setAll(viewModel.expensesByCategory().stream()
                .map(point -> new PieChart.Data(point.label() + " " + point.text(), Math.max(0, point.value()))).toList());
        for (PieChart.Data slice : categoriesChart.getData()) {
            if (slice.getNode() != null) {
                Tooltip.install(slice.getNode(), new Tooltip(slice.getName()));
            }
        }
    }
}

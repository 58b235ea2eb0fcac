"""The dashboard: commitments and targets by state, responsible unit and deadline year, and what is due next.

Charts are drawn with QPainter (:class:`BarChart`); clicking a bar asks the main window to show the matching
rows of the commitments list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from db import Location, Store
from db import dashboard as db_dashboard
from db.status import LedgerStatus
from desktop.core.status import SEVERITY
from desktop.ui import labels
from desktop.ui.labels import QT_TRANSLATE_NOOP
from desktop.ui.models import Column, RecordTableModel, fit_columns
from desktop.ui.workers import Pool, SyncPool, Worker

COMMITMENT_COLOUR = QColor("#2f6f9f")
TARGET_COLOUR = QColor("#8fbfdf")
STATE_COLOURS = {"met": QColor("#3c8d40"), "on_track": QColor("#4a90c2"), "at_risk": QColor("#e0a030"),
                 "missed": QColor("#c0392b"), "overdue": QColor("#8e2b20"), "no_data": QColor("#9a9a9a")}
# Order of the state chart: as an auditor reads it, worst first.
STATE_ORDER = ("overdue", "missed", "at_risk", "on_track", "met", "no_data")


@dataclass(frozen=True)
class Bar:
    """One group of the chart: what it filters on, its label, and its two counts."""

    key: object
    label: str
    commitments: int
    targets: int
    colour: QColor | None = None


class BarChart(QWidget):
    """Horizontal bars, two per group (commitments, targets), drawn with QPainter.

    Signals:
        bar_clicked(object): the key of the group whose bars were clicked.
    """

    bar_clicked = Signal(object)

    ROW = 36
    TOP = 46

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._bars: list[Bar] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(320)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self._bars = list(bars)
        self.updateGeometry()
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def sizeHint(self) -> QSize:
        return QSize(460, self.TOP + max(1, len(self._bars)) * self.ROW + 10)

    def _label_width(self) -> int:
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(bar.label) for bar in self._bars), default=40)
        return min(widest + 12, int(self.width() * 0.42))

    def bar_rect(self, index: int) -> QRect:
        """The clickable area of a group (label and bars)."""
        return QRect(0, self.TOP + index * self.ROW, self.width(), self.ROW)

    def _index_at(self, point: QPoint) -> int | None:
        if point.y() < self.TOP:
            return None
        index = (point.y() - self.TOP) // self.ROW
        return index if 0 <= index < len(self._bars) else None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = QFontMetrics(self.font())
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.windowText().color())
        painter.drawText(QRect(4, 2, self.width() - 8, 20), Qt.AlignmentFlag.AlignLeft, self._title)
        painter.setFont(self.font())
        # Legend: upper bar commitments, lower bar targets (in grey when the bars carry state colours).
        x = 4
        coloured = any(bar.colour is not None for bar in self._bars)
        legend = ((QColor("#555555") if coloured else COMMITMENT_COLOUR, self.tr("Commitments")),
                  (QColor("#bbbbbb") if coloured else TARGET_COLOUR, self.tr("Targets")))
        for colour, text in legend:
            painter.fillRect(QRect(x, 27, 10, 10), colour)
            painter.drawText(QRect(x + 14, 22, 200, 20), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             text)
            x += 24 + metrics.horizontalAdvance(text)
        if not self._bars:
            painter.drawText(QRect(4, self.TOP, self.width() - 8, self.ROW), Qt.AlignmentFlag.AlignVCenter,
                             self.tr("Nothing to show yet."))
            return
        label_width = self._label_width()
        number_width = metrics.horizontalAdvance("0000000") + 6
        span = max(10, self.width() - label_width - number_width - 8)
        top_value = max(max(bar.commitments, bar.targets) for bar in self._bars) or 1
        for index, bar in enumerate(self._bars):
            row = self.bar_rect(index)
            text = metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, label_width - 8)
            painter.setPen(palette.windowText().color())
            painter.drawText(QRect(4, row.top(), label_width - 8, row.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
            half = (row.height() - 8) // 2
            for offset, count, colour in ((4, bar.commitments, bar.colour or COMMITMENT_COLOUR),
                                          (4 + half, bar.targets, (bar.colour or TARGET_COLOUR).lighter(135)
                                           if bar.colour else TARGET_COLOUR)):
                length = round(span * count / top_value)
                rect = QRect(label_width, row.top() + offset, max(length, 1 if count else 0), half - 2)
                painter.fillRect(rect, colour)
                if bar.colour is not None and count:
                    painter.setPen(bar.colour.darker(120))
                    painter.drawRect(rect.adjusted(0, 0, -1, -1))
                    painter.setPen(palette.windowText().color())
                painter.drawText(QRect(label_width + length + 4, row.top() + offset - 2, number_width, half + 4),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(count))
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self._index_at(event.position().toPoint())
        if index is None:
            self.unsetCursor()
            QToolTip.hideText()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        bar = self._bars[index]
        QToolTip.showText(event.globalPosition().toPoint(),
                          self.tr("{label}: {commitments} commitments, {targets} targets — click to list them")
                          .format(label=bar.label, commitments=bar.commitments, targets=bar.targets), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self._index_at(event.position().toPoint())
        if index is not None:
            self.bar_clicked.emit(self._bars[index].key)


@dataclass(frozen=True)
class Figures:
    """What the dashboard shows besides the states, read in one go on a pool thread."""

    by_unit: list[db_dashboard.GroupCount]
    by_year: list[db_dashboard.GroupCount]
    upcoming: list[db_dashboard.Deadline]


def read_figures(location: Location, as_of: dt.date) -> Figures:
    """Counts and deadlines of the ledger, with a connection of its own (runs on a pool thread)."""
    with Store.attach(location) as store:
        return Figures(db_dashboard.counts_by_unit(store), db_dashboard.counts_by_year(store),
                       db_dashboard.upcoming_deadlines(store, as_of))


def _deadline_columns() -> tuple[Column, ...]:
    return (
        Column(QT_TRANSLATE_NOOP("DeadlineColumns", "Deadline"), lambda d: d.deadline),
        Column(QT_TRANSLATE_NOOP("DeadlineColumns", "Commitment"), lambda d: d.title),
        Column(QT_TRANSLATE_NOOP("DeadlineColumns", "Indicator"), lambda d: d.indicator),
        Column(QT_TRANSLATE_NOOP("DeadlineColumns", "Responsible unit"), lambda d: d.responsible_unit),
    )


class DashboardPage(QWidget):
    """Charts of the ledger and the deadlines ahead.

    Signals:
        filter_requested(str, object): show the commitments list narrowed to a state, unit or year.
        open_requested(str, int): open a row of the commitments list (list kind, key).
    """

    filter_requested = Signal(str, object)
    open_requested = Signal(str, int)

    def __init__(self, store: Store, *, pool: Pool | None = None, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self._store = store
        self._pool = pool or SyncPool()
        self._today = today
        self._status: LedgerStatus | None = None
        self._state_counts: list[db_dashboard.GroupCount] | None = None
        self._generation = 0

        self.heading = QLabel(self)
        self.heading.setObjectName("dashboardHeading")
        self.heading.setStyleSheet("font-size: 120%; font-weight: bold;")
        self.state_chart = BarChart(self.tr("By state"), self)
        self.state_chart.setObjectName("stateChart")
        self.year_chart = BarChart(self.tr("By deadline year"), self)
        self.year_chart.setObjectName("yearChart")
        self.unit_chart = BarChart(self.tr("By responsible unit"), self)
        self.unit_chart.setObjectName("unitChart")
        self.state_chart.bar_clicked.connect(lambda key: self.filter_requested.emit("state", key))
        self.year_chart.bar_clicked.connect(lambda key: self.filter_requested.emit("year", key))
        self.unit_chart.bar_clicked.connect(lambda key: self.filter_requested.emit("unit", key))

        self.deadline_model = RecordTableModel("DeadlineColumns", _deadline_columns(), self)
        self.deadline_table = QTableView(self)
        self.deadline_table.setObjectName("upcomingTable")
        self.deadline_table.setModel(self.deadline_model)
        self.deadline_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.deadline_table.verticalHeader().setVisible(False)
        self.deadline_table.horizontalHeader().setStretchLastSection(True)
        self.deadline_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.deadline_table.setMinimumHeight(220)
        self.deadline_table.doubleClicked.connect(self._on_deadline_double_clicked)
        upcoming_label = QLabel(self.tr("Upcoming deadlines"), self)
        upcoming_label.setStyleSheet("font-weight: bold;")

        grid = QGridLayout()
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(self.state_chart, 0, 0, top)
        grid.addWidget(self.year_chart, 0, 1, top)
        grid.addWidget(self.unit_chart, 1, 0, 1, 2, top)
        grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.heading)
        inner_layout.addLayout(grid)
        inner_layout.addWidget(upcoming_label)
        inner_layout.addWidget(self.deadline_table, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.refresh()

    def as_of(self) -> dt.date:
        return self._status.as_of if self._status else self._today()

    @Slot()
    def refresh(self) -> None:
        """Read the counts and deadlines again (after edits), in the background."""
        self._generation += 1
        generation = self._generation
        worker = Worker(read_figures, self._store.location, self.as_of())
        worker.signals.succeeded.connect(lambda figures: self._show_figures(generation, figures))
        self._pool.start(worker)
        self._show_states()

    def _show_figures(self, generation: int, figures: Figures) -> None:
        if generation != self._generation:
            return
        unknown = QCoreApplication.translate("DashboardPage", "(none)")
        self.unit_chart.set_bars([Bar(g.key, g.key or unknown, g.commitments, g.targets) for g in figures.by_unit])
        self.year_chart.set_bars([Bar(g.key, str(g.key) if g.key else unknown, g.commitments, g.targets)
                                  for g in figures.by_year])
        self.deadline_model.set_records(figures.upcoming)
        fit_columns(self.deadline_table, self.deadline_model, rows=self.deadline_model.rowCount())

    def set_status(self, status: LedgerStatus | None,
                   state_counts: list[db_dashboard.GroupCount] | None = None) -> None:
        """Show judgements; ``state_counts`` (from :func:`db.dashboard.counts_by_state`, worked out off the GUI
        thread) saves counting them here."""
        as_of_changed = (status.as_of if status else None) != (self._status.as_of if self._status else None)
        self._status = status
        self._state_counts = state_counts
        if as_of_changed:
            self.refresh()  # the upcoming deadlines start at the new day
        else:
            self._show_states()

    def _show_states(self) -> None:
        status = self._status
        if status is None:
            self.heading.setText(self.tr("Judging the targets…"))
            self.state_chart.set_bars([])
            return
        self.heading.setText(self.tr("The ledger as of {date}").format(date=status.as_of.isoformat()))
        assert set(STATE_ORDER) == set(SEVERITY)
        groups = self._state_counts or db_dashboard.counts_by_state(status.targets, status.commitments, STATE_ORDER)
        self.state_chart.set_bars([Bar(g.key, labels.label(labels.TARGET_STATES, g.key), g.commitments, g.targets,
                                       STATE_COLOURS.get(str(g.key))) for g in groups])

    @Slot()
    def _on_deadline_double_clicked(self, index) -> None:
        deadline = self.deadline_model.record(index.row())
        self.open_requested.emit("commitments", deadline.key)

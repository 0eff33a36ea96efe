"""The dashboard's and the reports' charts (QtCharts), built the same way for the screen
and for the PDF."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter

PALETTE = ("#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a")


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    horizontal: bool = False,
) -> QChart:
    """Grouped bars: one set per (name, values), one group per category; horizontal bars
    keep long clinic names readable."""
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    bars = QHorizontalBarSeries() if horizontal else QBarSeries()
    top = 0
    for index, (name, values) in enumerate(series):
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(PALETTE[index % len(PALETTE)]))
        bar_set.append([float(v) for v in values])
        bars.append(bar_set)
        top = max([top, *values])
    chart.addSeries(bars)
    names = QBarCategoryAxis()
    names.append(list(categories))
    small = QFont(names.labelsFont())
    small.setPointSize(8)
    names.setLabelsFont(small)
    names.setTruncateLabels(False)
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(names)
    counts = QValueAxis()
    step = max(1, math.ceil(top / 5))
    counts.setRange(0, step * max(1, math.ceil(top / step)))
    counts.setTickType(QValueAxis.TickType.TicksDynamic)
    counts.setTickAnchor(0)
    counts.setTickInterval(step)
    counts.setLabelFormat("%d")
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(counts)
    chart.legend().setVisible(len(series) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def chart_view(name: str) -> QChartView:
    view = QChartView()
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view


def show_chart(view: QChartView, chart: QChart) -> None:
    """Put `chart` in `view` and free the one it replaces (the view releases it)."""
    old = view.chart()
    view.setChart(chart)
    if old is not None and old is not chart:
        old.deleteLater()

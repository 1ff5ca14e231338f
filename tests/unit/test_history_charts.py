"""Server-drawn SVG charts: parsed back with ElementTree, positions follow the values, text is escaped."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from quizapp.history.charts import distribution_svg, scores_over_time_svg
from quizapp.history.stats import Bin, score_distribution

SVG = "{http://www.w3.org/2000/svg}"
START = datetime(2025, 3, 1, 9, 0)
HOSTILE = '<script>alert(1)</script>" onload="alert(2)&amp;'


def parse(markup):
    assert isinstance(markup, Markup)
    return ET.fromstring(str(markup))  # noqa: S314 - our own output, parsed to check it


def line_chart(points, title="Scores", description="Your scores over time"):
    return parse(scores_over_time_svg(points, title=title, description=description))


def circles(root):
    return [(float(c.get("cx")), float(c.get("cy"))) for c in root.iter(f"{SVG}circle")]


def texts(root, group_class):
    group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == group_class)
    return [(t.text, float(t.get("x")), float(t.get("y"))) for t in group.iter(f"{SVG}text")]


def test_line_chart_is_an_accessible_scalable_image():
    root = line_chart([(START, 50.0), (START + timedelta(days=3), 80.0)])
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.get("viewBox").startswith("0 0 ")
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id
    assert root.find(f"{SVG}title").text == "Scores"
    assert root.find(f"{SVG}desc").get("id") == desc_id
    assert root.find(f"{SVG}desc").text == "Your scores over time"


def test_a_higher_score_is_drawn_higher_and_a_later_one_further_right():
    points = [(START + timedelta(days=2), 90.0), (START, 10.0), (START + timedelta(days=1), 40.0)]
    drawn = circles(line_chart(points))
    # Sorted by time: 10, 40, 90. SVG y grows downwards, so the y values fall as the scores rise.
    assert [x for x, _ in drawn] == sorted(x for x, _ in drawn)
    assert drawn[0][1] > drawn[1][1] > drawn[2][1]
    # Equal time steps give equal x steps.
    assert drawn[1][0] - drawn[0][0] == pytest.approx(drawn[2][0] - drawn[1][0])


def test_points_sit_on_the_grid_lines_of_their_values_and_the_line_joins_them():
    root = line_chart([(START, 0.0), (START + timedelta(days=1), 50.0), (START + timedelta(days=2), 100.0)])
    grid = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "history-chart-grid")
    grid_y = [float(line.get("y1")) for line in grid.iter(f"{SVG}line")]
    assert len(grid_y) == 5  # 0, 25, 50, 75, 100
    drawn = circles(root)
    assert [y for _, y in drawn] == [grid_y[0], grid_y[2], grid_y[4]]
    polyline = root.find(f"{SVG}polyline")
    joined = [tuple(float(v) for v in pair.split(",")) for pair in polyline.get("points").split()]
    assert joined == drawn
    labels = texts(root, "history-chart-y-labels")
    assert [text for text, _, _ in labels] == ["0%", "25%", "50%", "75%", "100%"]
    assert labels[-1][2] < labels[0][2]  # 100% above 0%


def test_each_dot_names_its_date_and_score():
    root = line_chart([(START, 62.5), (START + timedelta(days=20), 75.0)])
    assert [t.text for t in root.iter(f"{SVG}circle") for t in t.iter(f"{SVG}title")] == [
        "1 Mar: 62.5%",
        "21 Mar: 75%",
    ]


def test_date_labels_run_from_the_first_attempt_to_the_last():
    root = line_chart([(START, 50.0), (datetime(2025, 4, 2), 60.0)])
    labels = texts(root, "history-chart-x-labels")
    assert labels[0][0] == "1 Mar"
    assert labels[-1][0] == "2 Apr"
    assert [x for _, x, _ in labels] == sorted(x for _, x, _ in labels)
    # Across a new year the year is shown; across more than a year, month and year.
    new_year = texts(
        line_chart([(datetime(2024, 12, 20), 50.0), (datetime(2025, 1, 10), 60.0)]), "history-chart-x-labels"
    )
    assert new_year[0][0] == "20 Dec 2024"
    assert new_year[-1][0] == "10 Jan 2025"
    years = texts(line_chart([(datetime(2023, 5, 1), 50.0), (datetime(2025, 1, 10), 60.0)]), "history-chart-x-labels")
    assert (years[0][0], years[-1][0]) == ("May 2023", "Jan 2025")


def test_attempts_on_one_day_do_not_repeat_the_date_label():
    points = [(START + timedelta(hours=h), 50.0 + h) for h in range(3)]
    labels = texts(line_chart(points), "history-chart-x-labels")
    assert [text for text, _, _ in labels] == ["1 Mar"]


def test_a_single_attempt_is_one_dot_without_a_line():
    root = line_chart([(START, 70.0)])
    assert len(circles(root)) == 1
    assert root.find(f"{SVG}polyline") is None
    assert [text for text, _, _ in texts(root, "history-chart-x-labels")] == ["1 Mar"]


def test_scores_outside_0_to_100_are_drawn_at_the_edge_and_labelled_truly():
    root = line_chart([(START, 100.0), (START + timedelta(days=1), 120.0), (START + timedelta(days=2), -5.0)])
    drawn = circles(root)
    assert drawn[0][1] == drawn[1][1]
    assert drawn[2][1] > drawn[0][1]
    dot_titles = [t.text for c in root.iter(f"{SVG}circle") for t in c.iter(f"{SVG}title")]
    assert dot_titles[1] == "2 Mar: 120%"
    assert dot_titles[2] == "3 Mar: -5%"
    with pytest.raises(ValueError, match="finite"):
        scores_over_time_svg([(START, float("nan"))], title="t", description="d")


def test_no_attempts_give_a_short_message():
    root = line_chart([])
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Scores"
    assert [t.text for t in root.iter(f"{SVG}text")] == ["No attempts yet"]
    assert circles(root) == []


@pytest.mark.parametrize("make", ["line", "bars"])
def test_teachers_text_is_escaped_and_the_svg_still_parses(make):
    if make == "line":
        markup = scores_over_time_svg([(START, 50.0)], title=HOSTILE, description=HOSTILE)
    else:
        markup = distribution_svg(score_distribution([50.0]), title=HOSTILE, description=HOSTILE)
    raw = str(markup)
    assert "<script" not in raw
    assert '" onload' not in raw
    root = parse(markup)
    # The text comes back exactly as typed: escaped, not stripped.
    assert root.find(f"{SVG}title").text == HOSTILE
    assert root.find(f"{SVG}desc").text == HOSTILE
    for element in root.iter():
        assert element.tag != f"{SVG}script"
        assert not any(name.lower().startswith("on") for name in element.attrib)


@given(st.text(max_size=60), st.text(max_size=60))
def test_any_title_parses_and_comes_back(title, description):
    root = parse(scores_over_time_svg([(START, 10.0)], title=title, description=description))
    legal = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
    # XML cannot carry control characters; they are dropped, everything else survives. The parser also
    # normalises a carriage return to a newline, as XML requires.
    expected = legal.sub("", title).replace("\r\n", "\n").replace("\r", "\n")
    assert (root.find(f"{SVG}title").text or "") == expected
    assert root.find(f"{SVG}desc") is not None


def test_charts_have_no_script_and_no_style_attributes():
    markups = [
        scores_over_time_svg([(START, 10.0), (START + timedelta(days=1), 90.0)], title="t", description="d"),
        distribution_svg(score_distribution([10, 20, 20, 95]), title="t", description="d"),
        scores_over_time_svg([], title="t", description="d"),
    ]
    for markup in markups:
        for element in parse(markup).iter():
            assert "style" not in element.attrib
            assert element.tag not in (f"{SVG}script", f"{SVG}style", f"{SVG}foreignObject")


def test_output_is_deterministic_and_ids_differ_between_charts():
    points = [(START, 10.0), (START + timedelta(days=1), 90.0)]
    first = scores_over_time_svg(points, title="t", description="d")
    assert scores_over_time_svg(list(points), title="t", description="d") == first
    other = scores_over_time_svg(points, title="another", description="d")
    assert parse(first).get("aria-labelledby") != parse(other).get("aria-labelledby")
    named = parse(scores_over_time_svg(points, title="t", description="d", chart_id="quiz-3-scores"))
    assert named.get("aria-labelledby") == "quiz-3-scores-title quiz-3-scores-desc"
    with pytest.raises(ValueError, match="chart_id"):
        scores_over_time_svg(points, title="t", description="d", chart_id='x" onload="y')


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_on_white(colour):
    return 1.05 / (luminance(colour) + 0.05)


def inherited_fill(element, parents):
    while element.get("fill") is None:
        element = parents[element]
    return element.get("fill")


def test_text_and_data_colours_pass_wcag_aa_on_white():
    markup = distribution_svg(score_distribution([10, 20, 20, 95]), title="t", description="d")
    line = scores_over_time_svg([(START, 10.0), (START + timedelta(days=1), 90.0)], title="t", description="d")
    for root in (parse(markup), parse(line)):
        parents = {child: parent for parent in root.iter() for child in parent}
        for text in root.iter(f"{SVG}text"):
            assert contrast_on_white(inherited_fill(text, parents)) >= 4.5
        for mark in [*root.iter(f"{SVG}circle"), *root.iter(f"{SVG}rect")]:
            assert contrast_on_white(inherited_fill(mark, parents)) >= 3.0
        for polyline in root.iter(f"{SVG}polyline"):
            assert contrast_on_white(polyline.get("stroke")) >= 3.0


def bars(root):
    return [
        (float(r.get("x")), float(r.get("y")), float(r.get("height")), r.find(f"{SVG}title").text)
        for r in root.iter(f"{SVG}rect")
    ]


def test_bar_heights_follow_the_counts():
    root = parse(distribution_svg(score_distribution([5, 15, 15, 15, 95, 95]), title="t", description="d"))
    drawn = bars(root)
    # Bins 0-10 (1), 10-20 (3), 90-100 (2); empty bins draw no bar.
    assert [title for *_, title in drawn] == ["0–10%: 1 attempt", "10–20%: 3 attempts", "90–100%: 2 attempts"]
    heights = [h for _, _, h, _ in drawn]
    assert heights[1] > heights[2] > heights[0]
    assert heights[1] == pytest.approx(3 * heights[0], abs=0.2)  # coordinates are rounded to 0.1
    # Bars stand on the same baseline and run left to right in bin order.
    assert len({round(y + h, 6) for _, y, h, _ in drawn}) == 1
    assert [x for x, *_ in drawn] == sorted(x for x, *_ in drawn)
    assert [text for text, _, _ in texts(root, "history-chart-counts")] == ["1", "3", "2"]


def test_distribution_labels_the_score_boundaries():
    root = parse(distribution_svg(score_distribution([50]), title="t", description="d"))
    labels = [text for text, _, _ in texts(root, "history-chart-x-labels")]
    assert labels[:11] == [str(v) for v in range(0, 101, 10)]
    assert "Score (%)" in labels
    many = parse(distribution_svg(score_distribution([50], bins=20), title="t", description="d"))
    boundaries = [text for text, _, _ in texts(many, "history-chart-x-labels") if text != "Score (%)"]
    assert boundaries == [str(v) for v in range(0, 101, 10)]


def test_count_axis_uses_round_steps():
    root = parse(distribution_svg([Bin(0, 50, 7), Bin(50, 100, 3)], title="t", description="d"))
    assert [text for text, _, _ in texts(root, "history-chart-y-labels")] == ["0", "2", "4", "6", "8"]


@pytest.mark.parametrize("bins", [[], [Bin(0, 50, 0), Bin(50, 100, 0)]])
def test_an_empty_distribution_gives_a_short_message(bins):
    root = parse(distribution_svg(bins, title="Class results", description="d"))
    assert root.find(f"{SVG}title").text == "Class results"
    assert [t.text for t in root.iter(f"{SVG}text")] == ["No attempts yet"]
    assert bars(root) == []

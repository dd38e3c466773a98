//! The train/test loss chart, drawn on any plotters backend (a canvas in the app, SVG in tests).
//! Its cost is bounded because the history it draws is ([`crate::core::history::CAPACITY`]).
use crate::core::history::LossHistory;
use crate::render::chart_style::ChartStyle;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Train loss line colour in the light theme (other views use their style's ink).
pub const TRAIN_COLOR: RGBColor = RGBColor(40, 40, 40);
/// Test loss line colour (Okabe–Ito vermillion).
pub const TEST_COLOR: RGBColor = RGBColor(213, 94, 0);
/// The best-epoch marker's colour (Okabe–Ito bluish green).
pub const BEST_COLOR: RGBColor = RGBColor(0, 158, 115);

/// The y-axis top: the largest finite loss shown, with a little headroom (at least 0.1).
pub fn y_max(history: &LossHistory) -> f64 {
    let max = history
        .samples()
        .flat_map(|(_, tr, te)| [tr, te])
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max);
    (max * 1.05).max(0.1)
}

/// Which curves the chart draws, `(train, test)`: a curve with no finite sample (no test
/// points, or line mode, which has none) is not drawn, and its legend entry is not shown.
pub fn drawn_curves(history: &LossHistory) -> (bool, bool) {
    history
        .samples()
        .fold((false, false), |(train, test), (_, tr, te)| {
            (train || tr.is_finite(), test || te.is_finite())
        })
}

/// Decimals for the loss axis's tick labels up to `y_max`: as few as tell the ticks apart.
pub fn loss_decimals(y_max: f64) -> usize {
    if y_max >= 20.0 {
        0
    } else if y_max >= 2.0 {
        1
    } else {
        2
    }
}

/// A tick label that fits the axis: `decimals` decimals for ordinary losses, powers of ten
/// beyond.
pub fn compact(v: f64, decimals: usize) -> String {
    if v.abs() >= 1000.0 {
        format!("{v:.0e}")
    } else {
        format!("{v:.decimals$}")
    }
}

/// Draws both curves against epoch on `area` in the light theme; see [`draw_loss_chart_with`].
pub fn draw_loss_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    history: &LossHistory,
    best_epoch: Option<u64>,
) -> Result<(), String> {
    draw_loss_chart_with(area, history, best_epoch, &ChartStyle::default())
}

/// Draws the curves that have samples against epoch on `area`, with light axes and tick
/// labels in `style`, and a vertical line at `best_epoch` (the lowest test loss, which early
/// stopping keeps).
pub fn draw_loss_chart_with<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    history: &LossHistory,
    best_epoch: Option<u64>,
    style: &ChartStyle,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let x_max = history.last_epoch().max(1) as f64;
    let top = y_max(history);
    let decimals = loss_decimals(top);
    let mut chart = style.epoch_chart(area, x_max, 0f64..top, &|v| compact(*v, decimals))?;
    let series = |pick: fn(&(u64, f64, f64)) -> f64| {
        history
            .samples()
            .map(move |s| (s.0 as f64, pick(&s)))
            .filter(|(_, v)| v.is_finite())
            .collect::<Vec<_>>()
    };
    let width = style.px(2.0);
    chart
        .draw_series(LineSeries::new(
            series(|s| s.2),
            TEST_COLOR.stroke_width(width),
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            series(|s| s.1),
            style.ink.stroke_width(width),
        ))
        .map_err(err)?;
    if let Some(best) = best_epoch {
        let x = best as f64;
        let marker = LineSeries::new([(x, 0.0), (x, top)], BEST_COLOR.stroke_width(width));
        chart.draw_series(marker).map_err(err)?;
    }
    area.present().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::chart_style::Theme;

    #[test]
    fn draws_both_curves_as_svg() {
        let mut h = LossHistory::new();
        for e in 0..=200u64 {
            h.push(e, 1.0 / (1.0 + e as f64), 1.2 / (1.0 + e as f64));
        }
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (320, 160)).into_drawing_area();
            draw_loss_chart(&area, &h, Some(120)).expect("chart");
        }
        let curves = |color: &str| {
            svg.lines()
                .filter(|l| l.contains("<polyline") && l.to_lowercase().contains(color))
                .count()
        };
        assert_eq!(curves("#d55e00"), 1, "one test-loss curve");
        assert_eq!(curves("#282828"), 1, "one train-loss curve");
        assert_eq!(curves("#009e73"), 1, "the best-epoch marker");
        assert!((y_max(&h) - 1.26).abs() < 1e-12);
    }

    #[test]
    fn only_curves_with_finite_samples_are_drawn() {
        let mut h = LossHistory::new();
        assert_eq!(
            drawn_curves(&h),
            (false, false),
            "nothing before the first epoch"
        );
        h.push(0, 0.7, f64::NAN);
        h.push(1, 0.6, f64::NAN);
        assert_eq!(
            drawn_curves(&h),
            (true, false),
            "no test points, no test curve"
        );
        h.push(2, 0.5, 0.55);
        assert_eq!(drawn_curves(&h), (true, true));
        let mut svg = String::new();
        {
            let mut only_train = LossHistory::new();
            only_train.push(0, 0.7, f64::NAN);
            only_train.push(1, 0.6, f64::NAN);
            let area = SVGBackend::with_string(&mut svg, (320, 160)).into_drawing_area();
            draw_loss_chart(&area, &only_train, None).expect("chart");
        }
        assert!(
            !svg.to_lowercase().contains("#d55e00"),
            "no test curve is drawn"
        );
    }

    #[test]
    fn tick_labels_stay_short() {
        assert_eq!(compact(0.25, loss_decimals(0.7)), "0.25");
        assert_eq!(compact(12.0, loss_decimals(15.0)), "12.0");
        assert_eq!(
            compact(30.0, loss_decimals(37.3)),
            "30",
            "no 30.00 on an axis up to 37"
        );
        assert_eq!(compact(123_456.0, 0), "1e5");
        assert_eq!(compact(3.0e300, 2), "3e300");
    }

    #[test]
    fn the_dark_theme_draws_on_the_panel_with_light_ink_and_lecture_type_is_larger() {
        let mut h = LossHistory::new();
        for e in 0..=50u64 {
            h.push(e, 1.0 / (1.0 + e as f64), f64::NAN);
        }
        let draw = |theme: Theme| {
            let mut svg = String::new();
            {
                let area = SVGBackend::with_string(&mut svg, (320, 180)).into_drawing_area();
                draw_loss_chart_with(&area, &h, None, &ChartStyle::new(theme, 1.0)).expect("chart");
            }
            svg.to_lowercase()
        };
        let dark = draw(Theme {
            dark: true,
            lecture: false,
        });
        assert!(
            dark.contains("fill=\"#1b222c\""),
            "the dark panel's background"
        );
        assert!(!dark.contains("fill=\"#ffffff\""), "no white background");
        assert!(dark.contains("#e8edf3"), "the train curve in the light ink");
        assert!(
            dark.contains("#a9b4c2"),
            "tick labels in the light muted ink"
        );
        let font_size = |svg: &str| {
            let at = svg.find("font-size=\"").expect("tick labels") + 11;
            svg[at..].split('"').next().unwrap().parse::<f64>().unwrap()
        };
        let lecture = draw(Theme {
            dark: true,
            lecture: true,
        });
        // plotters' SVG backend writes a pixel size divided by 1.24.
        assert!((font_size(&dark) * 1.24 - ChartStyle::FONT).abs() < 1e-9);
        assert!((font_size(&lecture) * 1.24 - ChartStyle::LECTURE_FONT).abs() < 1e-9);
    }

    #[test]
    fn axis_names_are_written_only_when_asked_for() {
        let mut h = LossHistory::new();
        h.push(0, 0.7, 0.8);
        h.push(10, 0.3, 0.4);
        let draw = |style: &ChartStyle| {
            let mut svg = String::new();
            {
                let area = SVGBackend::with_string(&mut svg, (480, 240)).into_drawing_area();
                draw_loss_chart_with(&area, &h, None, style).expect("chart");
            }
            svg
        };
        let page = draw(&ChartStyle::default());
        assert!(!page.contains("epoch") && !page.contains("loss"), "{page}");
        let named = ChartStyle {
            axis_names: Some(("epoch", "loss")),
            font_css_px: 24.0,
            ..ChartStyle::default()
        };
        let picture = draw(&named);
        assert!(picture.contains("epoch"), "the x axis named");
        assert!(picture.contains("loss"), "the y axis named");
    }

    #[test]
    fn an_empty_history_still_draws() {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (100, 80)).into_drawing_area();
            draw_loss_chart(&area, &LossHistory::new(), None).expect("chart");
        }
        assert!(svg.starts_with("<svg"));
    }
}

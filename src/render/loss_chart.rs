//! The train/test loss chart, drawn on any plotters backend (a canvas in the app, SVG in tests).
//! Its cost is bounded because the history it draws is ([`crate::core::history::CAPACITY`]).
use crate::core::history::LossHistory;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Train loss line colour.
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

/// An epoch tick label: whole epochs only (fractional ticks of a short run get no label).
pub fn epoch_label(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        String::new()
    }
}

/// A tick label that fits the axis: two decimals for ordinary losses, powers of ten beyond.
pub fn compact(v: f64) -> String {
    if v.abs() >= 1000.0 {
        format!("{v:.0e}")
    } else {
        format!("{v:.2}")
    }
}

/// Draws both curves against epoch on `area`, with light axes and tick labels, and a vertical
/// line at `best_epoch` (the lowest test loss, which early stopping keeps).
pub fn draw_loss_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    history: &LossHistory,
    best_epoch: Option<u64>,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    area.fill(&WHITE).map_err(err)?;
    let x_max = history.last_epoch().max(1) as f64;
    let mut chart = ChartBuilder::on(area)
        .margin(6)
        .x_label_area_size(22)
        .y_label_area_size(40)
        .build_cartesian_2d(0f64..x_max, 0f64..y_max(history))
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_labels(4)
        .y_labels(4)
        .max_light_lines(0)
        .bold_line_style(RGBColor(215, 215, 215))
        .label_style(("sans-serif", 12).into_font().color(&RGBColor(90, 90, 90)))
        .x_label_formatter(&|v| epoch_label(*v))
        .y_label_formatter(&|v| compact(*v))
        .draw()
        .map_err(err)?;
    let series = |pick: fn(&(u64, f64, f64)) -> f64| {
        history
            .samples()
            .map(move |s| (s.0 as f64, pick(&s)))
            .filter(|(_, v)| v.is_finite())
            .collect::<Vec<_>>()
    };
    chart
        .draw_series(LineSeries::new(series(|s| s.2), TEST_COLOR.stroke_width(2)))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            series(|s| s.1),
            TRAIN_COLOR.stroke_width(2),
        ))
        .map_err(err)?;
    if let Some(best) = best_epoch {
        let x = best as f64;
        let marker = LineSeries::new([(x, 0.0), (x, y_max(history))], BEST_COLOR.stroke_width(2));
        chart.draw_series(marker).map_err(err)?;
    }
    area.present().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(epoch_label(0.5), "");
        assert_eq!(epoch_label(200.0), "200");
        assert_eq!(compact(0.25), "0.25");
        assert_eq!(compact(12.0), "12.00");
        assert_eq!(compact(123_456.0), "1e5");
        assert_eq!(compact(3.0e300), "3e300");
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

//! Mean |gradient| per layer against epoch, on a log scale, one colour per layer.
use crate::core::grad_history::GradHistory;
use crate::render::chart_style::ChartStyle;
use crate::render::colors::{class_color, Rgb, CLASS_COLORS};
use plotters::coord::Shift;
use plotters::prelude::*;

/// How one layer's curve is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayerLine {
    /// Its colour; `None` is the page's ink (the output layer).
    pub color: Option<Rgb>,
    /// Dashed (the seventh and eighth hidden layers, which reuse the first two colours).
    pub dashed: bool,
}

/// How layer `l` of `layers` (the last is the output layer) is drawn: hidden layers in the
/// colour-blind-safe class palette, solid for the first six and dashed for the seventh and
/// eighth, and the output layer in the page's ink, so up to 8 hidden layers and the output
/// are 9 distinct lines.
pub fn layer_line(l: usize, layers: usize) -> LayerLine {
    if l + 1 == layers {
        return LayerLine {
            color: None,
            dashed: false,
        };
    }
    LayerLine {
        color: Some(class_color(l)),
        dashed: l >= CLASS_COLORS.len(),
    }
}

/// The y range: the smallest and largest positive magnitudes, widened to whole decades.
pub fn y_range(history: &GradHistory) -> (f64, f64) {
    let values = history
        .samples()
        .iter()
        .flat_map(|s| s.1.iter().copied())
        .filter(|v| *v > 0.0 && v.is_finite());
    let (lo, hi) = values.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if hi <= 0.0 {
        return (1e-6, 1.0);
    }
    (
        10f64.powf(lo.log10().floor()).max(1e-12),
        10f64.powf(hi.log10().ceil()).max(lo * 10.0),
    )
}

/// Draws one curve per layer in the light theme; see [`draw_grad_chart_with`].
pub fn draw_grad_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    history: &GradHistory,
) -> Result<(), String> {
    draw_grad_chart_with(area, history, &ChartStyle::default())
}

/// Draws one curve per layer ([`layer_line`]) with axes and tick labels in `style`.
pub fn draw_grad_chart_with<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    history: &GradHistory,
    style: &ChartStyle,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let x_max = history.samples().last().map_or(1, |s| s.0).max(1) as f64;
    let (lo, hi) = y_range(history);
    let y = (lo..hi).log_scale();
    let mut chart = style.epoch_chart(area, x_max, y, &|v| format!("{v:.0e}"))?;
    let layers = history.layers();
    for l in 0..layers {
        let points: Vec<(f64, f64)> = history
            .samples()
            .iter()
            .filter_map(|(e, m)| m.get(l).map(|v| (*e as f64, *v)))
            .filter(|(_, v)| *v > 0.0 && v.is_finite())
            .collect();
        let line = layer_line(l, layers);
        let color = line.color.map_or(style.ink, |[r, g, b]| RGBColor(r, g, b));
        let pen = color.stroke_width(style.px(2.0));
        if line.dashed {
            let dashes = DashedLineSeries::new(points, style.px(7.0), style.px(4.0), pen);
            chart.draw_series(dashes).map_err(err)?;
        } else {
            chart
                .draw_series(LineSeries::new(points, pen))
                .map_err(err)?;
        }
    }
    area.present().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_curve_per_layer_on_whole_decades() {
        let mut h = GradHistory::new();
        for e in 1..=50u64 {
            h.push(e, vec![1e-5 / e as f64, 1e-2, 0.3]);
        }
        assert_eq!(y_range(&h), (1e-7, 1.0));
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (320, 180)).into_drawing_area();
            draw_grad_chart(&area, &h).expect("chart");
        }
        let ink = ChartStyle::default().ink;
        let colors = [
            crate::render::colors::css(class_color(0)),
            crate::render::colors::css(class_color(1)),
            crate::render::colors::css([ink.0, ink.1, ink.2]),
        ];
        for (l, color) in colors.iter().enumerate() {
            let curves = svg
                .lines()
                .filter(|x| x.contains("<polyline") && x.to_lowercase().contains(color))
                .count();
            assert_eq!(curves, 1, "layer {l} ({color})");
        }
        let mut empty = String::new();
        let area = SVGBackend::with_string(&mut empty, (100, 80)).into_drawing_area();
        draw_grad_chart(&area, &GradHistory::new()).expect("empty chart");
    }

    #[test]
    fn eight_hidden_layers_and_the_output_are_nine_distinct_lines() {
        let layers = crate::core::config::limits::MAX_HIDDEN_LAYERS + 1;
        let lines: Vec<LayerLine> = (0..layers).map(|l| layer_line(l, layers)).collect();
        for (i, a) in lines.iter().enumerate() {
            for b in &lines[i + 1..] {
                assert_ne!(a, b, "two layers look alike");
            }
        }
        assert_eq!(lines[layers - 1].color, None, "the output layer in the ink");
        assert!(
            lines[..6].iter().all(|l| !l.dashed),
            "six solid colours first"
        );
        assert!(lines[6].dashed && lines[7].dashed);
        // Two layers: the first hidden layer's colour, and the output in the ink.
        assert_eq!(layer_line(0, 2).color, Some(class_color(0)));
        assert_eq!(layer_line(1, 2).color, None);
        let mut h = GradHistory::new();
        for e in 1..=20u64 {
            h.push(e, (1..=layers).map(|l| 1e-3 * l as f64).collect());
        }
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (320, 180)).into_drawing_area();
            draw_grad_chart(&area, &h).expect("chart");
        }
        let polylines = |c: Rgb| {
            let color = crate::render::colors::css(c);
            svg.lines()
                .filter(|x| x.contains("<polyline") && x.to_lowercase().contains(&color))
                .count()
        };
        assert_eq!(
            polylines(class_color(2)),
            1,
            "the third layer: one solid line"
        );
        assert!(
            polylines(class_color(0)) > 3,
            "the first layer solid, the seventh in dashes"
        );
    }
}

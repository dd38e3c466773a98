//! How the loss and gradient charts look in the page's view: the light or dark theme, and
//! lecture mode's larger type, at the screen's pixel ratio. The colours are the page's own
//! (`style/main.css` and `style/view.css`), so a chart sits on its panel like the text does.
use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The page's view, as far as the charts care.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    /// The dark theme is on.
    pub dark: bool,
    /// Lecture mode: large type and high contrast.
    pub lecture: bool,
}

/// Colours, type size and pixel ratio of a chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartStyle {
    /// The chart's background: the panel's colour.
    pub background: RGBColor,
    /// Tick labels.
    pub text: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// The page's ink: the train-loss curve and the output layer's gradient.
    pub ink: RGBColor,
    /// Tick labels' size in CSS pixels.
    pub font_css_px: f64,
    /// Canvas pixels per CSS pixel (the device pixel ratio), at least 1.
    pub ratio: f64,
    /// The axes' names `(across, up)`, written beside the tick labels; `None` on the page,
    /// where the panel's heading names the chart (the exported picture names its axes).
    pub axis_names: Option<(&'static str, &'static str)>,
}

impl Default for ChartStyle {
    /// The light theme at one canvas pixel per CSS pixel (SVG tests, the benchmark).
    fn default() -> Self {
        ChartStyle::new(Theme::default(), 1.0)
    }
}

impl ChartStyle {
    /// Tick labels' size in CSS pixels: as the page's small print, and as lecture mode's.
    pub const FONT: f64 = 13.0;
    pub const LECTURE_FONT: f64 = 19.0;

    /// The style for `theme` on a canvas of `ratio` canvas pixels per CSS pixel.
    pub fn new(theme: Theme, ratio: f64) -> Self {
        let rgb = |[r, g, b]: [u8; 3]| RGBColor(r, g, b);
        // (background, text, grid, ink): --panel, --muted, a light --line, --ink.
        let [background, text, grid, ink] = match (theme.dark, theme.lecture) {
            (false, false) => [[255, 255, 255], [70, 78, 90], [215, 219, 226], [40, 40, 40]],
            (false, true) => [[255, 255, 255], [0, 0, 0], [170, 176, 186], [0, 0, 0]],
            (true, false) => [[27, 34, 44], [169, 180, 194], [58, 69, 84], [232, 237, 243]],
            (true, true) => [
                [13, 17, 23],
                [255, 255, 255],
                [90, 101, 116],
                [255, 255, 255],
            ],
        }
        .map(rgb);
        ChartStyle {
            background,
            text,
            grid,
            ink,
            font_css_px: if theme.lecture {
                Self::LECTURE_FONT
            } else {
                Self::FONT
            },
            ratio: if ratio.is_finite() {
                ratio.max(1.0)
            } else {
                1.0
            },
            axis_names: None,
        }
    }

    /// A length of `css` CSS pixels in canvas pixels.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.ratio).round().max(1.0) as u32
    }

    /// The tick labels' size in canvas pixels.
    pub fn font_px(&self) -> u32 {
        self.px(self.font_css_px)
    }

    /// The height of the x axis's label area and the width of the y axis's, in canvas
    /// pixels: room for a line of tick labels, and for `chars` characters of them.
    pub fn label_areas(&self, chars: f64) -> (u32, u32) {
        let font = self.font_css_px;
        (self.px(font * 1.8), self.px(font * (0.62 * chars + 1.0)))
    }
}

/// The plotting area of an epoch chart: epochs across, `Y` up.
pub type EpochChart<'a, DB, Y> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, Y>>;

impl ChartStyle {
    /// Fills `area` with the background and draws the axes of a chart of epochs 0 to `x_max`
    /// across and `y` up, with the grid and the tick labels in this style (`y_label` writes
    /// the y ticks); returns the chart to draw the curves on.
    pub fn epoch_chart<'a, DB, Y>(
        &self,
        area: &'a DrawingArea<DB, Shift>,
        x_max: f64,
        y: Y,
        y_label: &dyn Fn(&Y::Value) -> String,
    ) -> Result<EpochChart<'a, DB, Y::CoordDescType>, String>
    where
        DB: DrawingBackend,
        Y: AsRangedCoord,
        Y::CoordDescType: ValueFormatter<Y::Value>,
    {
        let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
        area.fill(&self.background).map_err(err)?;
        let (mut x_area, mut y_area) = self.label_areas(4.0);
        if self.axis_names.is_some() {
            // A line more for each axis's name.
            x_area += self.px(self.font_css_px * 1.4);
            y_area += self.px(self.font_css_px * 1.4);
        }
        let mut chart = ChartBuilder::on(area)
            .margin(self.px(6.0))
            .margin_top(self.px(self.font_css_px * 0.6 + 2.0)) // room for the top tick's label
            .margin_right(self.px(self.font_css_px)) // room for the last epoch's label
            .x_label_area_size(x_area)
            .y_label_area_size(y_area)
            .build_cartesian_2d(0f64..x_max, y)
            .map_err(err)?;
        let font = ("sans-serif", self.font_px()).into_font().color(&self.text);
        let mut mesh = chart.configure_mesh();
        mesh.x_labels(4)
            .y_labels(4)
            .max_light_lines(0)
            .bold_line_style(self.grid)
            .axis_style(self.text)
            .label_style(font.clone())
            .x_label_formatter(&|v| epoch_label(*v))
            .y_label_formatter(y_label);
        if let Some((across, up)) = self.axis_names {
            mesh.x_desc(across).y_desc(up).axis_desc_style(font);
        }
        mesh.draw().map_err(err)?;
        Ok(chart)
    }
}

/// An epoch tick label: whole epochs only (fractional ticks of a short run get no label).
pub fn epoch_label(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG's contrast ratio of two colours.
    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        crate::render::colors::contrast([a.0, a.1, a.2], [b.0, b.1, b.2])
    }

    #[test]
    fn every_view_has_readable_labels_and_lecture_mode_larger_ones() {
        for dark in [false, true] {
            for lecture in [false, true] {
                let s = ChartStyle::new(Theme { dark, lecture }, 2.0);
                assert!(
                    contrast(s.text, s.background) >= 4.5,
                    "{dark} {lecture}: text"
                );
                assert!(
                    contrast(s.ink, s.background) >= 7.0,
                    "{dark} {lecture}: ink"
                );
                let grid = contrast(s.grid, s.background);
                assert!(
                    grid > 1.2 && grid < contrast(s.text, s.background),
                    "{dark} {lecture}: a quiet grid"
                );
                if lecture {
                    assert!(
                        contrast(s.text, s.background) >= 15.0,
                        "lecture: high contrast"
                    );
                }
            }
        }
        let dark = ChartStyle::new(
            Theme {
                dark: true,
                lecture: false,
            },
            1.0,
        );
        assert!(
            dark.background.0 < 60 && dark.text.0 > 150,
            "dark background, light text"
        );
        let normal = ChartStyle::new(Theme::default(), 2.0);
        let lecture = ChartStyle::new(
            Theme {
                dark: false,
                lecture: true,
            },
            2.0,
        );
        assert_eq!(normal.font_px(), 26, "13 CSS px at a ratio of 2");
        assert!(lecture.font_px() as f64 >= normal.font_px() as f64 * 1.4);
        assert!(lecture.label_areas(4.0).1 > normal.label_areas(4.0).1);
        assert_eq!(ChartStyle::new(Theme::default(), f64::NAN).ratio, 1.0);
    }

    #[test]
    fn epoch_ticks_are_whole_epochs() {
        assert_eq!(epoch_label(0.5), "");
        assert_eq!(epoch_label(200.0), "200");
    }
}

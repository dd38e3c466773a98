//! Colours: a colour-blind-safe class palette (Okabe–Ito) and a diverging scale for values.
use crate::core::dataset::{Problem, MAX_CLASSES};
use crate::core::loss::class_of;

/// An opaque RGB colour.
pub type Rgb = [u8; 3];

/// Class colours, Okabe–Ito: orange, blue, bluish green, vermillion, reddish purple, sky blue.
/// Class 0 is orange and class 1 blue, as in the TensorFlow Playground.
pub const CLASS_COLORS: [Rgb; 6] = [
    [230, 159, 0],
    [0, 114, 178],
    [0, 158, 115],
    [213, 94, 0],
    [204, 121, 167],
    [86, 180, 233],
];

/// The background the heatmap fades to where the network is unsure.
pub const NEUTRAL: Rgb = [246, 246, 246];

/// The colour of class `k` (wrapping past the palette).
pub fn class_color(k: usize) -> Rgb {
    CLASS_COLORS[k % CLASS_COLORS.len()]
}

/// `#rrggbb` for CSS and SVG.
pub fn css(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// Linear interpolation from `a` (t = 0) to `b` (t = 1); t is clamped.
#[inline]
pub fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    // Rounds by adding ½ and truncating (the value is ≥ 0): no libm call per channel.
    let lerp = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t + 0.5) as u8;
    [lerp(a[0], b[0]), lerp(a[1], b[1]), lerp(a[2], b[2])]
}

/// A value in [−1, 1] on the diverging scale: orange (−1), neutral (0), blue (+1).
/// Values outside are clamped; NaN is neutral.
#[inline]
pub fn diverging(v: f64) -> Rgb {
    if v >= 0.0 {
        mix(NEUTRAL, CLASS_COLORS[1], v)
    } else {
        mix(NEUTRAL, CLASS_COLORS[0], -v)
    }
}

/// A regression point's colour is its value rounded to 1/`COLOR_STEPS` of the scale.
const COLOR_STEPS: f64 = 32.0;

/// A data point's colour on the plot: its class's, or (regression) its value's on the
/// diverging scale in steps of 1/32 (no eye tells them apart), so that a regression set is
/// stamped from at most 65 colours of sprite, not one per point (2,000 points made ~1,000
/// sprites, ≈ 80 ms at each new plot size).
pub fn point_color(problem: Problem, label: f64) -> Rgb {
    match problem {
        Problem::Classification => class_color(class_of(label, MAX_CLASSES)),
        Problem::Regression => diverging((label * COLOR_STEPS).round() / COLOR_STEPS),
    }
}

/// The dark theme's panel (`--panel` in style/view.css), which white turns into.
pub const DARK_PAPER: Rgb = [27, 34, 44];

/// `c` for the dark theme: its lightness turned over (white becomes [`DARK_PAPER`], dark ink
/// light ink) with its hue kept, so that blue stays blue and orange orange.
pub fn dark_of(c: Rgb) -> Rgb {
    let (hi, lo) = (c.iter().max(), c.iter().min());
    let (hi, lo) = (i32::from(*hi.unwrap_or(&0)), i32::from(*lo.unwrap_or(&0)));
    // Adding 255 − (max + min) to every channel turns HSL's lightness L into 1 − L.
    let shift = 255 - hi - lo;
    let mut out = [0; 3];
    for k in 0..3 {
        let turned = (i32::from(c[k]) + shift).clamp(0, 255);
        let paper = i32::from(DARK_PAPER[k]);
        out[k] = (paper + turned * (255 - paper) / 255) as u8;
    }
    out
}

/// WCAG's relative luminance of an sRGB colour, 0 (black) to 1 (white).
pub fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// WCAG's contrast ratio of two colours, 1 (the same) to 21 (black on white). Text needs
/// at least 4.5.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_points_take_few_colours() {
        let colours: std::collections::HashSet<Rgb> = (0..2000)
            .map(|i| point_color(Problem::Regression, f64::from(i) / 999.5 - 1.0))
            .collect();
        assert!(colours.len() <= 65, "{}", colours.len());
        assert_eq!(point_color(Problem::Regression, 1.0), CLASS_COLORS[1]);
        assert_eq!(point_color(Problem::Regression, 0.004), NEUTRAL);
        assert_eq!(point_color(Problem::Classification, 1.0), class_color(1));
    }

    #[test]
    fn mixing_and_the_diverging_scale() {
        assert_eq!(mix([0, 0, 0], [200, 100, 50], 0.5), [100, 50, 25]);
        assert_eq!(mix([0, 0, 0], [200, 100, 50], 7.0), [200, 100, 50]);
        assert_eq!(diverging(1.0), CLASS_COLORS[1]);
        assert_eq!(diverging(-5.0), CLASS_COLORS[0]);
        assert_eq!(diverging(0.0), NEUTRAL);
        assert_eq!(diverging(f64::NAN), NEUTRAL);
        assert_eq!(css([255, 0, 16]), "#ff0010");
    }

    #[test]
    fn the_dark_theme_turns_lightness_over_and_keeps_hue() {
        assert_eq!(dark_of([255, 255, 255]), DARK_PAPER);
        assert!(
            luminance(dark_of([27, 35, 48])) > 0.6,
            "dark ink becomes light"
        );
        let blue = dark_of(CLASS_COLORS[1]);
        assert!(blue[2] > blue[0] + 100, "blue stays blue: {blue:?}");
        let orange = dark_of(CLASS_COLORS[0]);
        assert!(
            orange[0] > orange[2] + 100,
            "orange stays orange: {orange:?}"
        );
        assert!(contrast(dark_of([27, 35, 48]), DARK_PAPER) > 7.0);
    }
}

//! Digits mode's views as pictures with their labels: the grid of test digits, the confusion
//! matrix, the weight images, the second layer's strongest units and the accuracy chart's lines.
use super::{confusion_picture, grid_picture, weights_picture, Picture, Tiles, INK, PAPER, WRONG};
use crate::core::digits::{self, DigitsView, CLASSES, PIXELS, SIDE};
use crate::core::history::LossHistory;
use crate::core::mlp::Mlp;
use crate::render::colors::{diverging, Rgb, CLASS_COLORS};

/// Pixels a digit pixel in the grid and in the second layer's rows, a weight in the weight
/// images, and a confusion cell; columns of the grid and of the weight images.
pub const GRID_SCALE: usize = 3;
pub const GRID_COLS: usize = 12;
pub const WEIGHT_SCALE: usize = 4;
pub const WEIGHT_COLS: usize = 8;
pub const CELL: usize = 22;
/// How many first-layer units each second-layer unit lists.
pub const STRONGEST: usize = 3;

/// Every picture of digits mode but the pad's, for one snapshot.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DigitsPictures {
    pub grid: (Picture, Vec<Label>),
    pub confusion: (Picture, Vec<Label>),
    /// Empty (no tiles) without a hidden layer.
    pub weights: Picture,
    /// Empty (no rows) without a second hidden layer.
    pub second: (Picture, Vec<Label>),
}

impl DigitsPictures {
    /// The pictures of `view` and the network `net`.
    pub fn of(view: &DigitsView, net: &Mlp) -> Self {
        Self::in_cols(view, net, GRID_COLS, WEIGHT_COLS)
    }

    /// The pictures, the grid in `grid_cols` columns and the weight images in `weight_cols`.
    pub fn in_cols(view: &DigitsView, net: &Mlp, grid_cols: usize, weight_cols: usize) -> Self {
        let all = digits::all();
        let answers: Vec<(u8, bool)> = view
            .grid
            .iter()
            .map(|&(i, p)| (p, all.get(i).is_some_and(|d| d.label != p)))
            .collect();
        let items: Vec<_> = view
            .grid
            .iter()
            .filter_map(|&(i, p)| all.get(i).map(|d| (d, d.label != p)))
            .collect();
        let (grid, tiles) = grid_picture(&items, grid_cols, GRID_SCALE);
        let grid_text = grid_labels(&tiles, &answers, GRID_SCALE);
        let strongest = digits::strongest_inputs(net, STRONGEST);
        DigitsPictures {
            grid: (grid, grid_text),
            confusion: (
                confusion_picture(&view.confusion, CELL),
                confusion_labels(&view.confusion, CELL),
            ),
            weights: weights_picture(net, weight_cols, WEIGHT_SCALE).0,
            second: strongest_picture(net, &strongest, GRID_SCALE),
        }
    }
}

impl DigitsPictures {
    /// The pictures and their labels in the page's theme ([`Picture::themed`]).
    pub fn themed(self, dark: bool) -> Self {
        let text = |(pic, labels): (Picture, Vec<Label>)| {
            let labels = labels.into_iter().map(|l| l.themed(dark)).collect();
            (pic.themed(dark), labels)
        };
        DigitsPictures {
            grid: text(self.grid),
            confusion: text(self.confusion),
            weights: self.weights.themed(dark),
            second: text(self.second),
        }
    }
}

/// A piece of text centred at (x, y) in a picture's pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub color: Rgb,
}

impl Label {
    /// The label in the page's theme (its colour [`crate::render::colors::dark_of`] for the
    /// dark one).
    pub fn themed(self, dark: bool) -> Self {
        Label {
            color: if dark {
                crate::render::colors::dark_of(self.color)
            } else {
                self.color
            },
            ..self
        }
    }
}

/// The grid's labels: each tile's predicted digit under its image, in [`WRONG`] when wrong.
pub fn grid_labels(tiles: &Tiles, predictions: &[(u8, bool)], scale: usize) -> Vec<Label> {
    predictions
        .iter()
        .enumerate()
        .map(|(i, &(digit, wrong))| {
            let (x, y) = tiles.origin(i);
            Label {
                x: (x + tiles.w / 2) as f64,
                y: (y + SIDE * scale + scale + 2) as f64,
                text: digit.to_string(),
                color: if wrong { WRONG } else { INK },
            }
        })
        .collect()
}

/// The confusion matrix's labels: the digits along the top (predicted) and the left (true),
/// and each non-zero count in its cell.
pub fn confusion_labels(confusion: &[[u32; CLASSES]; CLASSES], cell: usize) -> Vec<Label> {
    let centre = |k: usize| (k * cell) as f64 + cell as f64 / 2.0;
    let mut labels = Vec::new();
    for k in 0..CLASSES {
        let text = k.to_string();
        labels.push(Label {
            x: centre(k + 1),
            y: centre(0),
            text: text.clone(),
            color: INK,
        });
        labels.push(Label {
            x: centre(0),
            y: centre(k + 1),
            text,
            color: INK,
        });
    }
    for (t, row) in confusion.iter().enumerate() {
        let total: u32 = row.iter().sum();
        for (p, &n) in row.iter().enumerate().filter(|&(_, &n)| n > 0) {
            // Deep cells take light text.
            let deep = total > 0 && f64::from(n) / f64::from(total) > 0.5;
            labels.push(Label {
                x: centre(p + 1),
                y: centre(t + 1),
                text: n.to_string(),
                color: if deep { PAPER } else { INK },
            });
        }
    }
    labels
}

/// For each unit of the second hidden layer, a row: its number, then the weight images of the
/// first-layer units it weighs most (`strongest`, see [`crate::core::digits::strongest_inputs`]),
/// each framed blue for a positive weight and orange for a negative one.
pub fn strongest_picture(
    net: &Mlp,
    strongest: &[Vec<(usize, f64)>],
    scale: usize,
) -> (Picture, Vec<Label>) {
    let top = strongest.iter().map(Vec::len).max().unwrap_or(0);
    let tiles = Tiles {
        cols: top + 1,
        count: strongest.len() * (top + 1),
        w: SIDE * scale,
        h: SIDE * scale,
        gap: 2 * scale,
    };
    let (w, h) = tiles.size();
    let mut pic = Picture::new(w, h, PAPER);
    let mut labels = Vec::new();
    for (row, units) in strongest.iter().enumerate() {
        let (x, y) = tiles.origin(row * (top + 1));
        labels.push(Label {
            x: (x + tiles.w / 2) as f64,
            y: (y + tiles.h / 2) as f64,
            text: format!("{} ←", row + 1),
            color: INK,
        });
        for (k, &(unit, weight)) in units.iter().enumerate() {
            let (x, y) = tiles.origin(row * (top + 1) + k + 1);
            let biggest = (0..PIXELS)
                .map(|i| net.weight(0, unit, i).abs())
                .fold(0.0, f64::max);
            let norm = if biggest > 0.0 { biggest } else { 1.0 };
            pic.image(x, y, scale, |p| diverging(net.weight(0, unit, p) / norm));
            let sign = if weight >= 0.0 {
                CLASS_COLORS[1]
            } else {
                CLASS_COLORS[0]
            };
            pic.frame(x, y, tiles.w, tiles.h, scale.max(2) - 1, sign);
        }
    }
    (pic, labels)
}

/// The accuracy chart's two lines (train, then test), in pixels of a plot box
/// `[left, top, right, bottom]`: epochs across from 0 to the latest, accuracy 0–1 up.
/// Non-finite values (no test images) are left out.
pub fn accuracy_lines(history: &LossHistory, plot: [f64; 4]) -> [Vec<(f64, f64)>; 2] {
    let [left, top, right, bottom] = plot;
    let last = history.last_epoch().max(1) as f64;
    let at = |epoch: u64, v: f64| {
        (
            left + epoch as f64 / last * (right - left),
            bottom - v.clamp(0.0, 1.0) * (bottom - top),
        )
    };
    let mut lines = [Vec::new(), Vec::new()];
    for (epoch, train, test) in history.samples() {
        for (line, v) in lines.iter_mut().zip([train, test]) {
            if v.is_finite() {
                line.push(at(epoch, v));
            }
        }
    }
    lines
}

//! Digits mode's pictures as RGBA buffers: digit images, the grid of test digits, the confusion
//! matrix's cells and the first layer's weight images. Text (labels, counts) is left to the
//! canvas adapter, which writes it where [`Tiles`] says.
use crate::core::digits::{Digit, CLASSES, MAX_INK, PIXELS, SIDE};
use crate::core::mlp::Mlp;
use crate::render::colors::{dark_of, diverging, mix, Rgb, CLASS_COLORS};

/// Paper and ink of a digit image.
pub const PAPER: Rgb = [255, 255, 255];
pub const INK: Rgb = [27, 35, 48];
/// The mark of a wrong prediction (vermillion).
pub const WRONG: Rgb = CLASS_COLORS[3];

/// Equal tiles in rows: where tile `i` sits in a picture of `cols` columns.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tiles {
    pub cols: usize,
    pub count: usize,
    /// Tile size in pixels, and the gap around each.
    pub w: usize,
    pub h: usize,
    pub gap: usize,
}

impl Tiles {
    /// The picture's size in pixels.
    pub fn size(&self) -> (usize, usize) {
        let rows = self.count.div_ceil(self.cols.max(1));
        (
            self.cols * (self.w + self.gap) + self.gap,
            rows * (self.h + self.gap) + self.gap,
        )
    }

    /// The top-left pixel of tile `i`.
    pub fn origin(&self, i: usize) -> (usize, usize) {
        let cols = self.cols.max(1);
        (
            self.gap + (i % cols) * (self.w + self.gap),
            self.gap + (i / cols) * (self.h + self.gap),
        )
    }
}

impl Tiles {
    /// The columns (1 to `count`) that let these tiles be shown largest in a `w × h` room,
    /// the picture scaled whole to fit it.
    pub fn best_cols(&self, w: f64, h: f64) -> usize {
        let fit = |cols: usize| {
            let (pw, ph) = Tiles { cols, ..*self }.size();
            (w / pw.max(1) as f64).min(h / ph.max(1) as f64)
        };
        (1..=self.count.max(1))
            .max_by(|&a, &b| fit(a).total_cmp(&fit(b)).then(b.cmp(&a)))
            .unwrap_or(1)
    }
}

/// An RGBA picture being painted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picture {
    pub width: usize,
    pub height: usize,
    pub rgba: Vec<u8>,
}

impl Picture {
    /// A picture of one colour.
    pub fn new(width: usize, height: usize, fill: Rgb) -> Self {
        let mut rgba = Vec::with_capacity(width * height * 4);
        for _ in 0..width * height {
            rgba.extend_from_slice(&[fill[0], fill[1], fill[2], 255]);
        }
        Picture {
            width,
            height,
            rgba,
        }
    }

    /// The picture in the page's theme: as painted, or every pixel [`dark_of`] for the dark
    /// theme.
    pub fn themed(mut self, dark: bool) -> Self {
        if dark {
            for px in self.rgba.chunks_exact_mut(4) {
                let c = dark_of([px[0], px[1], px[2]]);
                px[..3].copy_from_slice(&c);
            }
        }
        self
    }

    /// The picture resampled to `width × height`, each new pixel the nearest old one: blocks
    /// stay sharp at any size (the presenter's views are drawn at the size they are shown).
    pub fn resized(&self, width: usize, height: usize) -> Picture {
        if (width, height) == (self.width, self.height) || self.width == 0 || self.height == 0 {
            return self.clone();
        }
        let mut rgba = Vec::with_capacity(width * height * 4);
        for y in 0..height {
            let sy = (y * self.height / height.max(1)).min(self.height - 1);
            for x in 0..width {
                let sx = (x * self.width / width.max(1)).min(self.width - 1);
                let i = (sy * self.width + sx) * 4;
                rgba.extend_from_slice(&self.rgba[i..i + 4]);
            }
        }
        Picture {
            width,
            height,
            rgba,
        }
    }

    /// Fills a rectangle (clipped to the picture).
    pub fn rect(&mut self, x: usize, y: usize, w: usize, h: usize, c: Rgb) {
        for py in y..(y + h).min(self.height) {
            for px in x..(x + w).min(self.width) {
                let i = (py * self.width + px) * 4;
                self.rgba[i..i + 3].copy_from_slice(&c);
            }
        }
    }

    /// An 8×8 image at (x, y), each of its pixels `scale × scale`, coloured by `color`.
    pub fn image(&mut self, x: usize, y: usize, scale: usize, color: impl Fn(usize) -> Rgb) {
        for p in 0..PIXELS {
            let (col, row) = (p % SIDE, p / SIDE);
            self.rect(x + col * scale, y + row * scale, scale, scale, color(p));
        }
    }

    /// A frame `t` pixels thick around a `w × h` box at (x, y), outside it.
    pub fn frame(&mut self, x: usize, y: usize, w: usize, h: usize, t: usize, c: Rgb) {
        let (x0, y0) = (x.saturating_sub(t), y.saturating_sub(t));
        let (outer_w, outer_h) = (w + 2 * t, h + 2 * t);
        self.rect(x0, y0, outer_w, t, c);
        self.rect(x0, y + h, outer_w, t, c);
        self.rect(x0, y0, t, outer_h, c);
        self.rect(x + w, y0, t, outer_h, c);
    }
}

/// The grid's tiles: `count` images, `scale` pixels a pixel, over a line for the label.
pub fn grid_tiles(count: usize, cols: usize, scale: usize) -> Tiles {
    let side = SIDE * scale;
    Tiles {
        cols,
        count,
        w: side,
        h: side + 2 * scale + 4,
        gap: scale.max(3),
    }
}

/// The weight images' tiles: `units` images, `scale` pixels a weight.
pub fn weight_tiles(units: usize, cols: usize, scale: usize) -> Tiles {
    Tiles {
        cols: cols.min(units).max(1),
        count: units,
        w: SIDE * scale,
        h: SIDE * scale,
        gap: scale.max(2),
    }
}

/// The colour of ink 0–16.
pub fn ink_color(ink: u8) -> Rgb {
    mix(PAPER, INK, f64::from(ink.min(MAX_INK)) / f64::from(MAX_INK))
}

/// One 8×8 image of ink, each pixel `scale × scale`.
pub fn digit_picture(pixels: &[u8; PIXELS], scale: usize) -> Picture {
    let side = SIDE * scale;
    let mut pic = Picture::new(side, side, PAPER);
    pic.image(0, 0, scale, |p| ink_color(pixels[p]));
    pic
}

/// The grid of test digits: tiles of the image (`scale` pixels a pixel) over a line left for
/// the predicted label; a wrong prediction is framed in [`WRONG`]. `items` are the images and
/// whether each is wrong.
pub fn grid_picture(items: &[(&Digit, bool)], cols: usize, scale: usize) -> (Picture, Tiles) {
    let tiles = grid_tiles(items.len(), cols, scale);
    let (w, h) = tiles.size();
    let mut pic = Picture::new(w, h, PAPER);
    for (i, (digit, wrong)) in items.iter().enumerate() {
        let (x, y) = tiles.origin(i);
        pic.image(x, y, scale, |p| ink_color(digit.pixels[p]));
        if *wrong {
            pic.frame(x, y, tiles.w, tiles.h, 2, WRONG);
        }
    }
    (pic, tiles)
}

/// The confusion matrix's cells (rows: the true digit, columns: the predicted one), with a
/// margin of one cell at the left and the top for the digits' names: the diagonal in blue,
/// the mistakes in orange, each as deep as its share of its row.
pub fn confusion_picture(confusion: &[[u32; CLASSES]; CLASSES], cell: usize) -> Picture {
    let side = (CLASSES + 1) * cell;
    let mut pic = Picture::new(side, side, PAPER);
    for (t, row) in confusion.iter().enumerate() {
        let total: u32 = row.iter().sum();
        for (p, &n) in row.iter().enumerate() {
            let share = if total > 0 {
                f64::from(n) / f64::from(total)
            } else {
                0.0
            };
            let hue = if t == p {
                CLASS_COLORS[1]
            } else {
                CLASS_COLORS[0]
            };
            let c = mix(PAPER, hue, if n > 0 { 0.15 + 0.85 * share } else { 0.0 });
            pic.rect(
                (p + 1) * cell + 1,
                (t + 1) * cell + 1,
                cell - 1,
                cell - 1,
                c,
            );
        }
    }
    pic
}

/// The first hidden layer's incoming weights, one 8×8 tile a unit (`scale` pixels a pixel),
/// blue positive and orange negative, each tile scaled by its own largest |weight|. Empty for
/// a network without 64 inputs or hidden layers.
pub fn weights_picture(net: &Mlp, cols: usize, scale: usize) -> (Picture, Tiles) {
    let units = if net.n_inputs() == PIXELS && net.layers().len() > 1 {
        net.layers()[0].fan_out
    } else {
        0
    };
    let tiles = weight_tiles(units, cols, scale);
    let (w, h) = tiles.size();
    let mut pic = Picture::new(w, h, PAPER);
    for j in 0..units {
        let (x, y) = tiles.origin(j);
        let biggest = (0..PIXELS)
            .map(|i| net.weight(0, j, i).abs())
            .fold(0.0, f64::max);
        let norm = if biggest > 0.0 { biggest } else { 1.0 };
        pic.image(x, y, scale, |p| diverging(net.weight(0, j, p) / norm));
    }
    (pic, tiles)
}

/// Probability bars: one column a digit, as tall as its probability, the likeliest in blue.
pub fn bars_picture(probabilities: Option<&[f64; CLASSES]>, w: usize, h: usize) -> Picture {
    let mut pic = Picture::new(w, h, PAPER);
    let Some(p) = probabilities else {
        return pic;
    };
    let best = crate::core::loss::argmax(p);
    let slot = w / CLASSES;
    for (k, &v) in p.iter().enumerate() {
        let bar = ((v.clamp(0.0, 1.0)) * h as f64).round() as usize;
        let c = if k == best {
            CLASS_COLORS[1]
        } else {
            [150, 158, 170]
        };
        pic.rect(k * slot + 2, h - bar, slot.saturating_sub(4), bar, c);
    }
    pic
}

mod views;
pub use views::{
    accuracy_lines, confusion_labels, grid_labels, strongest_picture, DigitsPictures, Label,
    GRID_COLS, GRID_SCALE, WEIGHT_COLS, WEIGHT_SCALE,
};

#[cfg(test)]
mod tests;

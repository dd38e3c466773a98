//! The network diagram's geometry: where each unit and label sits in a box of a given width
//! (a wide network shrinks to fit it), which weight or unit a point is on, and each link's
//! colour and width. Pure numbers in CSS pixels; `render::canvas` draws them.

mod hit;
mod labels;
mod style;
pub use hit::Item;
pub use labels::{Align, DiagramLabels, Label};
pub use style::{link_color, link_width, max_abs, unit_fill, INPUT_FILL};

/// Labels' type size in CSS px: beside the page's text, and in lecture mode.
pub const FONT: f64 = 15.0;
pub const LECTURE_FONT: f64 = 21.0;
/// The widest link, for the largest |weight|, at full size and [`FONT`] (CSS px).
pub const MAX_WIDTH: f64 = 6.0;

/// At full size and [`FONT`] (the layout scales them with the type): a unit's radius, the
/// distance between layers (preferred and widest), and between units of a layer (CSS px).
const RADIUS: f64 = 10.0;
const LAYER_GAP: f64 = 80.0;
const MAX_LAYER_GAP: f64 = 120.0;
const UNIT_GAP: f64 = 36.0;
/// The widest distance between units of a layer where a tall room lets them spread.
const MAX_UNIT_GAP: f64 = 90.0;
/// The smallest radius a shrunk network's units keep (CSS px).
const MIN_RADIUS: f64 = 3.5;
/// The margin around the drawing (CSS px at [`FONT`]).
const PAD: f64 = 6.0;
/// A label's estimated width per character, in ems: generous for a sans-serif face (the
/// canvas squeezes a wider text into its column, so it never leaves it).
const CHAR_EM: f64 = 0.6;
/// A class swatch's side, and the space between a unit, its swatch and its text, in ems.
pub const SWATCH_EM: f64 = 0.7;
pub const SPACE_EM: f64 = 0.3;

/// The laid-out diagram: every size in CSS pixels, (0, 0) at the top left of the box.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The box: as wide as it was given, as tall as the tallest layer needs (or the room).
    pub width: f64,
    pub height: f64,
    pub radius: f64,
    /// The labels' type size.
    pub font: f64,
    /// 1 at full size, less where a wide network was shrunk to fit the width.
    pub scale: f64,
    /// The widest link's width.
    pub max_link_width: f64,
    /// The links' opacity (0–1).
    pub link_alpha: f64,
    pub labels: Vec<Label>,
    names: DiagramLabels,
    sizes: Vec<usize>,
    /// Unit centres, layer by layer; layer `l` starts at `starts[l]`.
    centres: Vec<(f64, f64)>,
    starts: Vec<usize>,
}

/// The widest link and the links' opacity: [`MAX_WIDTH`] and 0.85 at full size; narrower in
/// a shrunk network, and narrower and fainter where two layers are joined by many links (more
/// than 32), so that the lines do not merge into a wall; never under 1.5 px or 0.4.
fn link_style(sizes: &[usize], u: f64, scale: f64) -> (f64, f64) {
    let links = sizes.windows(2).map(|w| w[0] * w[1]).max().unwrap_or(1);
    let density = (links as f64 / 32.0).sqrt().max(1.0);
    let width = (MAX_WIDTH * u * scale.clamp(0.5, 1.0) / density).max(1.5);
    (width, (0.85 / density.sqrt()).max(0.4))
}

/// The horizontal plan of a layout (CSS px): the label columns, the units' radius, the
/// distance between layers and where the first one sits, and the scale.
struct Columns {
    left: f64,
    right: f64,
    radius: f64,
    layer_gap: f64,
    x0: f64,
    scale: f64,
}

impl Columns {
    /// Fits `layers` columns of units and the names' columns into `width`: full size if
    /// they fit (spread up to the widest gap), else shrunk until they do.
    fn fit(layers: usize, names: &DiagramLabels, width: f64, font: f64) -> Self {
        let u = font / FONT;
        let space = SPACE_EM * font;
        let text_width = |s: &String| s.chars().count() as f64 * CHAR_EM * font;
        let widest_input = names.inputs.iter().map(text_width).fold(0.0, f64::max);
        let widest_output = names
            .outputs
            .iter()
            .map(|(t, sw)| text_width(t) + sw.map_or(0.0, |_| (SWATCH_EM + SPACE_EM) * font))
            .fold(0.0, f64::max);
        // Label columns: the text and a space from its unit, at most a quarter of the box.
        let column = |w: f64| {
            if w > 0.0 {
                (w + space).min(0.25 * width)
            } else {
                0.0
            }
        };
        let (left, right) = (column(widest_input), column(widest_output));
        let avail = (width - 2.0 * PAD * u - left - right).max(0.0);
        let spans = layers.saturating_sub(1).max(1) as f64;
        let scale = (avail / (spans * LAYER_GAP * u + 2.0 * RADIUS * u)).min(1.0);
        let radius = (RADIUS * u * scale).max(MIN_RADIUS).min(avail / 2.0);
        let layer_gap = ((avail - 2.0 * radius) / spans).clamp(0.0, MAX_LAYER_GAP * u);
        let used = left + 2.0 * radius + spans * layer_gap + right;
        Columns {
            left,
            right,
            radius,
            layer_gap,
            x0: ((width - used) / 2.0).max(0.0) + left + radius,
            scale,
        }
    }
}

impl Layout {
    /// Lays out layers of `sizes` units (inputs first, at least one layer) left to right in a
    /// box `width` wide, with `names` beside the inputs and the outputs at type size `font`.
    /// Every unit and label lies inside the box for any width of at least about 200 px; a
    /// network that does not fit at full size shrinks (units and spacing) until it does.
    pub fn new(sizes: &[usize], names: DiagramLabels, width: f64, font: f64) -> Self {
        Layout::new_in(sizes, names, (width, 0.0), font)
    }

    /// As [`Layout::new`], in a box `(width, room)`: where the room is taller than the
    /// network needs, the units of each layer spread out (up to [`MAX_UNIT_GAP`] apart) and
    /// the layout is as tall as the room, the network in its middle, so that a view beside the
    /// plot uses its height and is drawn at the size it is shown (sharp, not stretched).
    pub fn new_in(
        sizes: &[usize],
        names: DiagramLabels,
        (width, room): (f64, f64),
        font: f64,
    ) -> Self {
        let width = if width.is_finite() {
            width.max(0.0)
        } else {
            0.0
        };
        let font = if font.is_finite() && font > 0.0 {
            font
        } else {
            FONT
        };
        let u = font / FONT;
        let c = Columns::fit(sizes.len(), &names, width, font);
        let radius = c.radius;
        let unit_gap = (UNIT_GAP * u * c.scale)
            .max(2.0 * radius + 3.0 * u)
            .max(1.2 * font);
        let tallest = sizes.iter().copied().max().unwrap_or(1).max(1) as f64;
        let edge = 2.0 * (PAD * u + radius.max(0.6 * font));
        let room = if room.is_finite() { room } else { 0.0 };
        let unit_gap = if tallest > 1.0 && room > edge + (tallest - 1.0) * unit_gap {
            ((room - edge) / (tallest - 1.0)).min(MAX_UNIT_GAP * u)
        } else {
            unit_gap
        };
        let height = (edge + (tallest - 1.0) * unit_gap).max(room);
        let mut centres = Vec::new();
        let mut starts = Vec::new();
        for (l, &n) in sizes.iter().enumerate() {
            starts.push(centres.len());
            let x = c.x0 + l as f64 * c.layer_gap;
            for i in 0..n {
                let y = height / 2.0 + (i as f64 - (n as f64 - 1.0) / 2.0) * unit_gap;
                centres.push((x, y));
            }
        }
        let (max_link_width, link_alpha) = link_style(sizes, u, c.scale);
        let mut layout = Layout {
            width,
            height,
            radius,
            font,
            scale: c.scale,
            max_link_width,
            link_alpha,
            labels: Vec::new(),
            names,
            sizes: sizes.to_vec(),
            centres,
            starts,
        };
        let space = SPACE_EM * font;
        layout.labels = layout.place_labels(c.left - space, c.right - space, space);
        layout
    }

    /// Units per layer, inputs first.
    pub fn sizes(&self) -> &[usize] {
        &self.sizes
    }

    /// The centre of unit `index` of layer `layer` (0 = inputs). Panics if there is none.
    pub fn unit(&self, layer: usize, index: usize) -> (f64, f64) {
        assert!(
            index < self.sizes[layer],
            "no unit {index} in layer {layer}"
        );
        self.centres[self.starts[layer] + index]
    }

    /// Every unit as `(layer, index, centre)`, layer by layer.
    pub fn units(&self) -> impl Iterator<Item = (usize, usize, (f64, f64))> + '_ {
        self.sizes
            .iter()
            .enumerate()
            .flat_map(move |(l, &n)| (0..n).map(move |i| (l, i, self.centres[self.starts[l] + i])))
    }

    /// The layout for the tests in the page: the box, the radius, every unit's centre (layer
    /// by layer) and every label's text and anchor, as JSON. It changes only with the layout.
    pub fn to_json(&self) -> String {
        let units: Vec<String> = (0..self.sizes.len())
            .map(|l| {
                let layer: Vec<String> = (0..self.sizes[l])
                    .map(|i| {
                        let (x, y) = self.unit(l, i);
                        format!("[{x:.2},{y:.2}]")
                    })
                    .collect();
                format!("[{}]", layer.join(","))
            })
            .collect();
        let labels: Vec<String> = self
            .labels
            .iter()
            .map(|b| {
                let (left, right) = b.extent();
                let text = b.text.replace('\\', "\\\\").replace('"', "\\\"");
                format!(
                    "{{\"text\":\"{text}\",\"left\":{left:.2},\"right\":{right:.2},\"y\":{:.2}}}",
                    b.y
                )
            })
            .collect();
        format!(
            "{{\"width\":{:.2},\"height\":{:.2},\"radius\":{:.2},\"font\":{:.2},\"units\":[{}],\"labels\":[{}]}}",
            self.width,
            self.height,
            self.radius,
            self.font,
            units.join(","),
            labels.join(",")
        )
    }
}

impl Layout {
    /// The layout's point under `(x, y)`, a point of a box `shown` (width, height) that shows
    /// the whole diagram scaled to fit and centred (CSS `object-fit: contain`, as the presenter
    /// layout does when the diagram is taller than its room).
    pub fn from_shown(&self, (x, y): (f64, f64), shown: (f64, f64)) -> (f64, f64) {
        let (w, h) = shown;
        if w <= 0.0 || h <= 0.0 || self.width <= 0.0 || self.height <= 0.0 {
            return (x, y);
        }
        let scale = (w / self.width).min(h / self.height);
        let dx = (w - self.width * scale) / 2.0;
        let dy = (h - self.height * scale) / 2.0;
        ((x - dx) / scale, (y - dy) / scale)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_hit;

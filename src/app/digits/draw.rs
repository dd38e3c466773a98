//! Drawing digits mode's views: each picture at its own size, or in the presenter layout at
//! the size of its room (sharp: blocks resampled, text drawn anew at the shown size).
use super::super::sized::CssSize;
use super::canvas;
use crate::core::digits::{DigitsView, CLASSES, SIDE};
use crate::core::mlp::Mlp;
use crate::render::canvas::{draw_accuracy, draw_picture};
use crate::render::colors::CLASS_COLORS;
use crate::render::digits::{
    accuracy_lines, confusion_labels, confusion_picture, grid_tiles, weight_tiles, DigitsPictures,
    Label, Picture, Tiles, GRID_COLS, GRID_SCALE, WEIGHT_COLS, WEIGHT_SCALE,
};
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The accuracy chart's size and plot box, in pixels.
pub(super) const CHART: (u32, u32) = (300, 150);
const CHART_BOX: [f64; 4] = [44.0, 10.0, 292.0, 140.0];
/// The confusion matrix's numbers, in canvas pixels: 11 CSS pixels or more where a phone
/// shows the matrix at its own size.
const CONFUSION_FONT: f64 = 12.0;
/// The smallest type in the presenter's views, in CSS pixels.
const STAGE_MIN_TYPE: f64 = 16.0;
/// The train line's ink, as the loss chart's.
const TRAIN_INK: crate::render::colors::Rgb = [40, 40, 40];

/// The views' rooms in CSS pixels (`None`: drawn at their own size) and the device pixel
/// ratio.
pub(super) struct Rooms {
    pub sizes: [CssSize; 5],
    pub dpr: f64,
}

/// Every view but the pad, from the snapshot's digits view and network, each at its room's
/// size where it has one.
pub(super) fn draw_views(
    view: &DigitsView,
    net: &Mlp,
    [grid, confusion, accuracy, weights, second]: [&NodeRef<Canvas>; 5],
    Rooms { sizes, dpr }: Rooms,
    dark: bool,
) -> Result<(), JsValue> {
    let mut pictures = match (sizes[0], sizes[3]) {
        (None, None) => DigitsPictures::of(view, net),
        (grid_room, weights_room) => {
            let units = net.layers().first().map_or(0, |l| l.fan_out);
            let cols = |room: CssSize, tiles: Tiles, default| {
                room.map_or(default, |(w, h)| tiles.best_cols(w, h))
            };
            DigitsPictures::in_cols(
                view,
                net,
                cols(
                    grid_room,
                    grid_tiles(view.grid.len(), 1, GRID_SCALE),
                    GRID_COLS,
                ),
                cols(
                    weights_room,
                    weight_tiles(units, 1, WEIGHT_SCALE),
                    WEIGHT_COLS,
                ),
            )
        }
    };
    if let Some((w, h)) = sizes[1] {
        // The matrix is painted anew with cells as large as its room allows.
        let cell = ((w.min(h) * dpr) / (CLASSES + 1) as f64).floor().max(12.0) as usize;
        pictures.confusion = confusion_pictures(&view.confusion, cell);
    }
    let pictures = pictures.themed(dark);
    let confusion_px = sizes[1].map_or(CONFUSION_FONT, |(w, h)| {
        let cell = (w.min(h) / (CLASSES + 1) as f64).floor();
        (cell * 0.55).clamp(CONFUSION_FONT - 1.0, 40.0) * dpr
    });
    for (node, (pic, labels), font, room) in [
        (grid, &pictures.grid, (SIDE + 2) as f64, sizes[0]),
        (confusion, &pictures.confusion, confusion_px, None),
        (second, &pictures.second, 10.0, sizes[4]),
    ] {
        if let Some(el) = canvas(node) {
            let (pic, labels, font) = fitted(pic, labels, font, room, dpr);
            draw_picture(&el, &pic, &labels, font)?;
        }
    }
    if let Some(el) = canvas(weights) {
        let (pic, _, _) = fitted(&pictures.weights, &[], 10.0, sizes[3], dpr);
        draw_picture(&el, &pic, &[], 10.0)?;
    }
    if let Some(el) = canvas(accuracy) {
        let (size, plot, type_px) = match sizes[2] {
            Some((w, h)) => {
                let (w, h) = ((w * dpr).floor(), (h * dpr).floor());
                let t = STAGE_MIN_TYPE * dpr;
                (
                    (w as u32, h as u32),
                    [t * 3.6, t * 0.8, w - t * 0.6, h - t * 0.8],
                    t,
                )
            }
            None => (CHART, CHART_BOX, 11.0),
        };
        if (el.width(), el.height()) != size {
            el.set_width(size.0);
            el.set_height(size.1);
        }
        let [train, test] = accuracy_lines(&view.accuracy_history, plot);
        let lines = [(TRAIN_INK, train), (CLASS_COLORS[3], test)];
        draw_accuracy(&el, &lines, plot, type_px, dark)?;
    }
    Ok(())
}

/// A picture, its labels and their type scaled to fill `room` (CSS pixels, at `dpr` canvas
/// pixels each) with its own shape, never below its own size; as it is without a room.
fn fitted(
    pic: &Picture,
    labels: &[Label],
    font: f64,
    room: CssSize,
    dpr: f64,
) -> (Picture, Vec<Label>, f64) {
    let Some((w, h)) = room else {
        return (pic.clone(), labels.to_vec(), font);
    };
    let (pw, ph) = (pic.width.max(1) as f64, pic.height.max(1) as f64);
    let k = ((w * dpr) / pw).min((h * dpr) / ph).max(1.0);
    let (nw, nh) = ((pw * k).floor() as usize, (ph * k).floor() as usize);
    let k = nw as f64 / pw;
    let labels = labels
        .iter()
        .map(|l| Label {
            x: l.x * k,
            y: l.y * k,
            ..l.clone()
        })
        .collect();
    (pic.resized(nw, nh), labels, font * k)
}

/// The confusion matrix's picture and labels with cells `cell` pixels wide.
fn confusion_pictures(confusion: &[[u32; CLASSES]; CLASSES], cell: usize) -> (Picture, Vec<Label>) {
    (
        confusion_picture(confusion, cell),
        confusion_labels(confusion, cell),
    )
}

/// The window's inner size in CSS pixels.
pub(super) fn window_size() -> Option<(f64, f64)> {
    let w = window();
    Some((
        w.inner_width().ok()?.as_f64()?,
        w.inner_height().ok()?.as_f64()?,
    ))
}

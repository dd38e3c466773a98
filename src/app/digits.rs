//! Digits mode's views, in place of the plot: the drawing pad, the grid of test digits with
//! the network's answers, the confusion matrix, the accuracy chart, every first-layer unit's
//! weights as an 8×8 image and, for a second hidden layer, the first-layer units each of its
//! units weighs most. Each is one canvas redrawn from the snapshot (no DOM nodes per frame).
use super::lecture::PageView;
use super::sized::CssSize;
use super::AppState;
use crate::core::digits::CLASSES;
use crate::core::digits::{DigitsView, SIDE};
use crate::core::mlp::Mlp;
use crate::core::snapshot::ModelView;
use crate::render::canvas::{draw_accuracy, draw_picture};
use crate::render::colors::CLASS_COLORS;
use crate::render::digits::{
    accuracy_lines, confusion_labels, confusion_picture, grid_tiles, weight_tiles, DigitsPictures,
    Label, Picture, Tiles, GRID_COLS, GRID_SCALE, WEIGHT_COLS, WEIGHT_SCALE,
};
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

mod pad;

/// The accuracy chart's size and plot box, in pixels.
const CHART: (u32, u32) = (300, 150);
const CHART_BOX: [f64; 4] = [44.0, 10.0, 292.0, 140.0];
/// How often the views are redrawn while training plays, at most, in milliseconds.
const VIEWS_EVERY_MS: f64 = 250.0;
/// The confusion matrix's numbers, in canvas pixels: 11 CSS pixels or more where a phone
/// shows the matrix at its own size.
const CONFUSION_FONT: f64 = 12.0;
/// The smallest type in the presenter's views, in CSS pixels.
const STAGE_MIN_TYPE: f64 = 16.0;
/// The train line's ink, as the loss chart's.
const TRAIN_INK: crate::render::colors::Rgb = [40, 40, 40];

/// The digits panel.
#[component]
pub fn DigitsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let grid = NodeRef::<Canvas>::new();
    let confusion = NodeRef::<Canvas>::new();
    let weights = NodeRef::<Canvas>::new();
    let second = NodeRef::<Canvas>::new();
    let accuracy = NodeRef::<Canvas>::new();
    let layers = Memo::new(move |_| state.snapshot.with(|s| s.net.layers().len()));
    let page = expect_context::<PageView>();
    let dark = page.dark;
    let views = NodeRef::<leptos::html::Div>::new();
    let visible = super::sized::watch_visible(views);
    // Each view's room; in the presenter layout the canvases are drawn at their room's size.
    let rooms: [NodeRef<leptos::html::Div>; 5] = std::array::from_fn(|_| NodeRef::new());
    let room_sizes = rooms.map(super::sized::watch_size);
    let fill = Memo::new(move |_| {
        let lecture = state.config.with(|c| c.lecture);
        let full = page.maximised.get();
        let drawer = lecture && !full && page.drawer_open.get();
        let landscape = window_size().is_some_and(|(w, h)| w > h);
        (lecture || full) && !drawer && landscape
    });
    let last_drawn = StoredValue::new(f64::NEG_INFINITY);
    Effect::new(move |_| {
        let dark = dark.get();
        let fill = fill.get();
        let sizes = room_sizes.map(|s| s.get().filter(|_| fill));
        // While playing, the views are redrawn a few times a second, and only on screen: the
        // frame's time goes to training (a pause, Step or a change redraws them at once).
        let playing = state.playing.get();
        state.snapshot.track();
        let now = window().performance().map_or(0.0, |p| p.now());
        if !visible.get() || (playing && now - last_drawn.get_value() < VIEWS_EVERY_MS) {
            return;
        }
        last_drawn.set_value(now);
        state.snapshot.with_untracked(|s| {
            let ModelView::Digits(view) = &s.model else {
                return;
            };
            let nodes = [&grid, &confusion, &accuracy, &weights, &second];
            let dpr = window().device_pixel_ratio().max(1.0);
            let drawn = draw_views(view, &s.net, nodes, Rooms { sizes, dpr }, dark);
            if let Err(e) = drawn {
                state.say(format!("Could not draw the digits: {e:?}"));
            }
        });
    });
    let wrong = Memo::new(move |_| {
        state.snapshot.with(|s| match &s.model {
            ModelView::Digits(v) => format!("{} of {} test digits wrong", v.wrong, v.tested),
            _ => String::new(),
        })
    });
    view! {
        <div class="digits-panel" data-testid="digits-panel">
            // Two parts, which a phone shows apart: the pad, the lesson card, then the views.
            <div class="digits-draw">
                <h2>"Draw a digit"</h2>
                <pad::DigitPad />
            </div>
            <div class="digits-views" node_ref=views>
                <figure class="view-grid">
                    <figcaption>
                        "Test digits " <span class="long">"and the network's answers "</span>
                        "(wrong ones framed): "
                        <span data-testid="digits-wrong">{move || wrong.get()}</span>
                    </figcaption>
                    <div class="digit-room" node_ref=rooms[0]>
                        <canvas class="digit-grid" node_ref=grid data-testid="digit-grid"></canvas>
                    </div>
                </figure>
                <figure class="view-confusion">
                    <figcaption>"Confusion matrix: true digit down, answer across"</figcaption>
                    <div class="digit-room" node_ref=rooms[1]>
                        <canvas
                            class="digit-confusion"
                            node_ref=confusion
                            data-testid="digit-confusion"
                        ></canvas>
                    </div>
                </figure>
                <figure class="view-accuracy">
                    <figcaption>"Accuracy"</figcaption>
                    <div class="legend">
                        <span class="key train">"train"</span>
                        <span class="key test">"test"</span>
                    </div>
                    <div class="digit-room" node_ref=rooms[2]>
                        <canvas
                            class="digit-accuracy"
                            node_ref=accuracy
                            data-testid="digit-accuracy"
                            width=CHART.0
                            height=CHART.1
                        ></canvas>
                    </div>
                </figure>
                <Show when=move || { layers.get() > 1 }>
                    <figure class="view-weights">
                        <figcaption>
                            "Each first-layer unit's 64 weights (blue +, orange −)"
                        </figcaption>
                        <div class="digit-room" node_ref=rooms[3]>
                            <canvas
                                class="digit-weights"
                                node_ref=weights
                                data-testid="digit-weights"
                            ></canvas>
                        </div>
                    </figure>
                </Show>
                <Show when=move || { layers.get() > 2 }>
                    <figure class="view-second">
                        <figcaption>
                            "Second layer: the first-layer units each unit weighs most "
                            <span class="long">"(frame: blue +, orange −)"</span>
                        </figcaption>
                        <div class="digit-room" node_ref=rooms[4]>
                            <canvas
                                class="digit-second"
                                node_ref=second
                                data-testid="digit-second"
                            ></canvas>
                        </div>
                    </figure>
                </Show>
            </div>
        </div>
    }
}

/// The views' rooms in CSS pixels (`None`: drawn at their own size) and the device pixel
/// ratio.
struct Rooms {
    sizes: [CssSize; 5],
    dpr: f64,
}

/// Every view but the pad, from the snapshot's digits view and network, each at its room's
/// size where it has one.
fn draw_views(
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
fn window_size() -> Option<(f64, f64)> {
    let w = window();
    Some((
        w.inner_width().ok()?.as_f64()?,
        w.inner_height().ok()?.as_f64()?,
    ))
}

/// The canvas, once mounted (tracked: a canvas that a `Show` mounts is drawn at once).
fn canvas(node: &NodeRef<Canvas>) -> Option<HtmlCanvasElement> {
    node.get()
}

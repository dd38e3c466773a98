//! Digits mode's views, in place of the plot: the drawing pad, the grid of test digits with
//! the network's answers, the confusion matrix, the accuracy chart, every first-layer unit's
//! weights as an 8×8 image and, for a second hidden layer, the first-layer units each of its
//! units weighs most. Each is one canvas redrawn from the snapshot (no DOM nodes per frame).
use super::lecture::PageView;
use super::AppState;
use crate::core::digits::{DigitsView, SIDE};
use crate::core::mlp::Mlp;
use crate::core::snapshot::ModelView;
use crate::render::canvas::{draw_accuracy, draw_picture};
use crate::render::colors::CLASS_COLORS;
use crate::render::digits::{accuracy_lines, DigitsPictures};
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
    let dark = expect_context::<PageView>().dark;
    let views = NodeRef::<leptos::html::Div>::new();
    let visible = super::sized::watch_visible(views);
    let last_drawn = StoredValue::new(f64::NEG_INFINITY);
    Effect::new(move |_| {
        let dark = dark.get();
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
            let drawn = draw_views(view, &s.net, nodes, dark);
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
                <figure>
                    <figcaption>
                        "Test digits and the network's answers (wrong ones framed): "
                        <span data-testid="digits-wrong">{move || wrong.get()}</span>
                    </figcaption>
                    <canvas class="digit-grid" node_ref=grid data-testid="digit-grid"></canvas>
                </figure>
                <figure>
                    <figcaption>"Confusion matrix: true digit down, answer across"</figcaption>
                    <canvas
                        class="digit-confusion"
                        node_ref=confusion
                        data-testid="digit-confusion"
                    ></canvas>
                </figure>
                <figure>
                    <figcaption>"Accuracy"</figcaption>
                    <div class="legend">
                        <span class="key train">"train"</span>
                        <span class="key test">"test"</span>
                    </div>
                    <canvas
                        class="digit-accuracy"
                        node_ref=accuracy
                        data-testid="digit-accuracy"
                        width=CHART.0
                        height=CHART.1
                    ></canvas>
                </figure>
                <Show when=move || { layers.get() > 1 }>
                    <figure>
                        <figcaption>
                            "Each first-layer unit's 64 weights (blue +, orange −)"
                        </figcaption>
                        <canvas
                            class="digit-weights"
                            node_ref=weights
                            data-testid="digit-weights"
                        ></canvas>
                    </figure>
                </Show>
                <Show when=move || { layers.get() > 2 }>
                    <figure>
                        <figcaption>
                            "Second layer: the first-layer units each unit weighs most (frame: blue +, orange −)"
                        </figcaption>
                        <canvas
                            class="digit-second"
                            node_ref=second
                            data-testid="digit-second"
                        ></canvas>
                    </figure>
                </Show>
            </div>
        </div>
    }
}

/// Every view but the pad, from the snapshot's digits view and network.
fn draw_views(
    view: &DigitsView,
    net: &Mlp,
    [grid, confusion, accuracy, weights, second]: [&NodeRef<Canvas>; 5],
    dark: bool,
) -> Result<(), JsValue> {
    let pictures = DigitsPictures::of(view, net).themed(dark);
    for (node, (pic, labels), font) in [
        (grid, &pictures.grid, (SIDE + 2) as f64),
        (confusion, &pictures.confusion, CONFUSION_FONT),
        (second, &pictures.second, 10.0),
    ] {
        if let Some(el) = canvas(node) {
            draw_picture(&el, pic, labels, font)?;
        }
    }
    if let Some(el) = canvas(weights) {
        draw_picture(&el, &pictures.weights, &[], 10.0)?;
    }
    if let Some(el) = canvas(accuracy) {
        let [train, test] = accuracy_lines(&view.accuracy_history, CHART_BOX);
        let lines = [(TRAIN_INK, train), (CLASS_COLORS[3], test)];
        draw_accuracy(&el, &lines, CHART_BOX, dark)?;
    }
    Ok(())
}

/// The canvas, once mounted (tracked: a canvas that a `Show` mounts is drawn at once).
fn canvas(node: &NodeRef<Canvas>) -> Option<HtmlCanvasElement> {
    node.get()
}

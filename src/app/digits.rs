//! Digits mode's views, in place of the plot: the drawing pad, the grid of test digits with
//! the network's answers, the confusion matrix, the accuracy chart, every first-layer unit's
//! weights as an 8×8 image and, for a second hidden layer, the first-layer units each of its
//! units weighs most. Each is one canvas redrawn from the snapshot (no DOM nodes per frame).
use super::lecture::PageView;
use super::AppState;
use crate::core::snapshot::ModelView;
use draw::{draw_views, window_size, Rooms, CHART};
use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

mod draw;
mod pad;

/// How often the views are redrawn while training plays, at most, in milliseconds.
const VIEWS_EVERY_MS: f64 = 250.0;

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
    // Asked at each redraw (a resize redraws): the window may have turned.
    let fill = move || {
        let lecture = state.config.with(|c| c.lecture);
        let full = page.maximised.get();
        let drawer = lecture && !full && page.drawer_open.get();
        let landscape = window_size().is_some_and(|(w, h)| w > h);
        (lecture || full) && !drawer && landscape
    };
    let last_drawn = StoredValue::new(f64::NEG_INFINITY);
    Effect::new(move |_| {
        let dark = dark.get();
        let fill = fill();
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

/// The canvas, once mounted (tracked: a canvas that a `Show` mounts is drawn at once).
fn canvas(node: &NodeRef<Canvas>) -> Option<HtmlCanvasElement> {
    node.get()
}

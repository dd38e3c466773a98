//! The drawing pad: draw a digit with the mouse or a finger; beside it the drawing downsampled
//! to 8×8 as the data set's images were made, the network's ten probabilities as bars, and
//! its answer. The answer follows the network as it trains. Strokes are not in the link.
use crate::app::AppState;
use crate::core::digits::pad::{Pad, BITMAP, PAD_SIDE, PEN_RADIUS};
use crate::core::digits::{self, CLASSES, PIXELS};
use crate::render::canvas::{draw_picture, draw_strokes};
use crate::render::digits::{bars_picture, digit_picture};
use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::PointerEvent;

/// The pen as drawn on the pad, in pad units: as thick, against a digit filling the pad, as
/// the pen of the downsampling is in its bitmap.
const PEN: f64 = 2.0 * PEN_RADIUS * PAD_SIDE / BITMAP as f64;
/// The bars' picture, in pixels.
const BARS: (usize, usize) = (200, 60);

/// The pad and what the network makes of it.
#[component]
pub fn DigitPad() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dark = expect_context::<crate::app::lecture::PageView>().dark;
    let pad = StoredValue::new(Pad::new());
    // Grows with every change of the drawing.
    let (drawn, set_drawn) = signal(0u64);
    let drawing = StoredValue::new(false);
    let canvas = NodeRef::<Canvas>::new();
    let preview = NodeRef::<Canvas>::new();
    let bars = NodeRef::<Canvas>::new();
    let image = Memo::new(move |_| {
        drawn.track();
        pad.with_value(|p| (!p.is_empty()).then(|| p.downsample()))
    });
    // The network's answer, for the drawing and the network as they are now.
    let probabilities = Memo::new(move |_| {
        let pixels = image.get()?;
        state
            .snapshot
            .with(|s| digits::predict(&s.net, &s.standardizer, &pixels))
    });
    let at = move |ev: &PointerEvent| -> Option<(f64, f64)> {
        let el = canvas.get_untracked()?;
        let rect = el.get_bounding_client_rect();
        let (w, h) = (rect.width().max(1.0), rect.height().max(1.0));
        let x = (f64::from(ev.client_x()) - rect.left()) * PAD_SIDE / w;
        let y = (f64::from(ev.client_y()) - rect.top()) * PAD_SIDE / h;
        Some((x, y))
    };
    let down = move |ev: PointerEvent| {
        ev.prevent_default();
        if let (Some((x, y)), Some(el)) = (at(&ev), canvas.get_untracked()) {
            let _ = el.set_pointer_capture(ev.pointer_id());
            drawing.set_value(true);
            if pad.try_update_value(|p| p.begin(x, y)).unwrap_or(false) {
                set_drawn.update(|n| *n += 1);
            }
        }
    };
    let moved = move |ev: PointerEvent| {
        if !drawing.get_value() {
            return;
        }
        if let Some((x, y)) = at(&ev) {
            if pad.try_update_value(|p| p.extend(x, y)).unwrap_or(false) {
                set_drawn.update(|n| *n += 1);
            }
        }
    };
    let up = move |_: PointerEvent| drawing.set_value(false);
    let clear = move |_| {
        pad.update_value(Pad::clear);
        set_drawn.update(|n| *n += 1);
    };
    // The strokes, the 8×8 preview and the bars, redrawn when the drawing or the answer
    // changes.
    Effect::new(move |_| {
        drawn.track();
        let dark = dark.get();
        let Some(el) = canvas.get() else { return };
        let side = (PAD_SIDE * crate::render::canvas::pixel_ratio()).round() as u32;
        if el.width() != side || el.height() != side {
            el.set_width(side);
            el.set_height(side);
        }
        let done = pad.with_value(|p| draw_strokes(&el, p.strokes(), PAD_SIDE, PEN, dark));
        if let Err(e) = done {
            state.say(format!("Could not draw the pad: {e:?}"));
        }
    });
    Effect::new(move |_| {
        let pixels = image.get().unwrap_or([0; PIXELS]);
        if let Some(el) = preview.get() {
            let pic = digit_picture(&pixels, 1).themed(dark.get());
            let _ = draw_picture(&el, &pic, &[], 10.0);
        }
    });
    Effect::new(move |_| {
        let p = probabilities.get();
        if let Some(el) = bars.get() {
            let pic = bars_picture(p.as_ref(), BARS.0, BARS.1).themed(dark.get());
            let _ = draw_picture(&el, &pic, &[], 10.0);
        }
    });
    let prediction = Memo::new(move |_| match probabilities.get() {
        Some(p) => crate::core::loss::argmax(&p).to_string(),
        None => "–".to_string(),
    });
    // One number under each bar (ten fixed cells, so no node is made while drawing).
    let numbers = Memo::new(move |_| match probabilities.get() {
        Some(p) => p.iter().map(|v| format!("{v:.2}")).collect::<Vec<_>>(),
        None => Vec::new(),
    });
    view! {
        <div class="digit-pad-row">
            <canvas
                class="digit-pad"
                node_ref=canvas
                data-testid="digit-pad"
                aria-label="Drawing pad: draw a digit with the mouse or a finger"
                on:pointerdown=down
                on:pointermove=moved
                on:pointerup=up
                on:pointercancel=up
            ></canvas>
            <div class="digit-reading">
                <canvas
                    class="digit-preview"
                    node_ref=preview
                    data-testid="digit-preview"
                    aria-label="Your drawing as the network sees it: 8 × 8 pixels"
                ></canvas>
                <p class="digit-answer">
                    "The network reads: "
                    <strong data-testid="digit-prediction">{move || prediction.get()}</strong>
                </p>
                <canvas
                    class="digit-bars"
                    node_ref=bars
                    data-testid="digit-bars"
                    aria-label="The probability of each digit, 0 to 9"
                ></canvas>
                <div class="digit-bar-names" aria-hidden="true">
                    {(0..CLASSES).map(|k| view! { <span>{k}</span> }).collect_view()}
                </div>
                <p class="digit-probabilities" data-testid="digit-probabilities">
                    {(0..CLASSES)
                        .map(|k| {
                            view! {
                                <span>
                                    {move || {
                                        numbers.with(|n| n.get(k).cloned().unwrap_or_default())
                                    }}
                                </span>
                                " "
                            }
                        })
                        .collect_view()}
                </p>
                <button data-testid="digit-clear" on:click=clear>
                    "Clear"
                </button>
            </div>
        </div>
    }
}

//! The chosen activation drawn: f(z) solid and f′(z) dashed from z = −3 to 3, with both
//! formulas (`core::activation_curve`). Beside the activation menu and in the activations
//! lesson.
use crate::app::AppState;
use crate::core::activation_curve::{
    formulas, tick_label, to_pixel, Y_RANGE, Y_TICKS, Z_RANGE, Z_TICKS,
};
use crate::render::canvas::{draw_activation, pixel_ratio};
use leptos::html::Canvas;
use leptos::prelude::*;

/// The chart's size in CSS pixels.
const WIDTH: u32 = 240;
const HEIGHT: u32 = 150;

/// The axis numbers: z under the chart, y beside it, each at its value's place on the canvas
/// (as shares of its box, so they follow its size). Static: made once.
#[component]
fn Ticks() -> impl IntoView {
    let z = Z_TICKS.map(|v| {
        let (x, _) = to_pixel(v, 0.0, 100.0, 100.0);
        view! {
            <span
                class="activation-tick z-tick"
                data-testid="activation-z-tick"
                data-value=v.to_string()
                style=format!("left: {x}%")
            >
                {tick_label(v)}
            </span>
        }
    });
    let y = Y_TICKS.map(|v| {
        let (_, top) = to_pixel(0.0, v, 100.0, 100.0);
        view! {
            <span
                class="activation-tick y-tick"
                data-testid="activation-y-tick"
                data-value=v.to_string()
                style=format!("top: {top}%")
            >
                {tick_label(v)}
            </span>
        }
    });
    view! {
        <span class="activation-ticks" aria-hidden="true">
            {z}
            {y}
        </span>
    }
}

/// The config's activation, drawn with its derivative and formulas.
#[component]
pub fn ActivationCurve(
    /// Where it is ("menu" or "lesson"), for its `data-testid` (`activation-curve-<place>`).
    place: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let activation = Memo::new(move |_| state.config.with(|c| c.activation));
    let canvas = NodeRef::<Canvas>::new();
    let ratio = pixel_ratio();
    Effect::new(move |_| {
        let a = activation.get();
        let Some(el) = canvas.get() else { return };
        if let Err(e) = draw_activation(&el, a, ratio) {
            state.say(format!("Could not draw the activation: {e:?}"));
        }
    });
    let text = Memo::new(move |_| formulas(activation.get()));
    view! {
        <figure class="activation-curve" data-testid=format!("activation-curve-{place}")>
            <div class="activation-chart" style=format!("width: {WIDTH}px")>
                <Ticks />
                <canvas
                    node_ref=canvas
                    width=(f64::from(WIDTH) * ratio).round().to_string()
                    height=(f64::from(HEIGHT) * ratio).round().to_string()
                    style=format!("width: 100%; aspect-ratio: {WIDTH} / {HEIGHT}")
                    data-testid="activation-canvas"
                    data-activation=move || activation.get().name()
                    data-z-range=format!("{},{}", Z_RANGE.0, Z_RANGE.1)
                    data-y-range=format!("{},{}", Y_RANGE.0, Y_RANGE.1)
                    role="img"
                    aria-label=move || {
                        let (f, d) = text.get();
                        format!(
                            "{}: {f}, solid; {d}, dashed; z from −3 to 3",
                            activation.get().label(),
                        )
                    }
                ></canvas>
            </div>
            <figcaption>
                <span class="key-f" data-testid="activation-formula">
                    {move || text.get().0}
                </span>
                <span class="key-df" data-testid="activation-derivative">
                    {move || text.get().1}
                </span>
            </figcaption>
        </figure>
    }
}

//! The 3D lift view: the points at (x₁, x₂, x₁·x₂) (or the network's own three inputs) and
//! the output's plane there, turned with two sliders. XOR, lifted by x₁·x₂, is split by a plane.
use super::lecture::{chart_theme, PageView};
use super::sized::watch_canvas;
use super::AppState;
use crate::core::lift::worth_showing;
use crate::render::canvas::draw_lift;
use crate::render::lift::{LiftView, PITCH_RANGE, YAW_RANGE};
use leptos::html::Canvas;
use leptos::prelude::*;

/// The panel (classification with x₁·x₂ on, or with no hidden layer).
#[component]
pub fn LiftPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = expect_context::<PageView>();
    let shown = move || state.config.with(worth_showing);
    let canvas = NodeRef::<Canvas>::new();
    let watch = watch_canvas(canvas);
    let (view, set_view) = signal(LiftView::default());
    let (note, set_note) = signal(String::new());
    // A memo: with hidden layers the lifted points have no plane and do not move, so the view
    // is redrawn when the points or the plane change, not every frame.
    let lift = Memo::new(move |_| state.snapshot.with(|s| s.lift()));
    Effect::new(move |_| {
        let Some(el) = watch.canvas() else {
            return;
        };
        let show_test = state.config.with(|c| c.show_test_data);
        let lift = lift.get();
        set_note.set(match (lift.separated(), lift.plane) {
            (Some((right, total)), _) => format!(
                "The plane puts {:.0}% of the training points on their class's side.",
                100.0 * right as f64 / total.max(1) as f64
            ),
            (None, Err(why)) => why.note().to_string(),
            (None, Ok(_)) => String::new(),
        });
        let theme = chart_theme(state, page);
        if let Err(e) = draw_lift(&el, &lift, view.get(), show_test, theme) {
            state.say(format!("Could not draw the 3D lift: {e:?}"));
        }
    });
    let slider = move |testid: &'static str,
                       label: &'static str,
                       (lo, hi): (f64, f64),
                       yaw: bool| {
        view! {
            <label class="lift-slider">
                {label}
                <input
                    type="range"
                    data-testid=testid
                    min=lo.to_string()
                    max=hi.to_string()
                    step="0.05"
                    prop:value=move || view.with(|v| if yaw { v.yaw } else { v.pitch }).to_string()
                    on:input=move |ev| {
                        if let Ok(a) = event_target_value(&ev).parse::<f64>() {
                            set_view.update(|v| if yaw { v.yaw = a } else { v.pitch = a });
                        }
                    }
                />
            </label>
        }
    };
    view! {
        <Show when=shown>
            <div class="lift-panel">
                <h2>"3D lift: one more input as height"</h2>
                <canvas class="lift" node_ref=canvas data-testid="lift-canvas" aria-label="The points lifted into three dimensions, with the output's plane"></canvas>
                <div class="lift-controls">
                    {slider("lift-yaw", "Turn", YAW_RANGE, true)}
                    {slider("lift-pitch", "Tilt", PITCH_RANGE, false)}
                    <button data-testid="lift-reset-view" on:click=move |_| set_view.set(LiftView::default())>"Front view"</button>
                </div>
                <p class="hint" data-testid="lift-note">{move || note.get()}</p>
            </div>
        </Show>
    }
}

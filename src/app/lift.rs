//! The 3D lift view: the points at (x₁, x₂, x₁·x₂) (or the network's own three inputs) and
//! the output's plane there, turned with two sliders. XOR, lifted by x₁·x₂, is split by a plane.
use super::help_tip::HelpTip;
use super::lecture::{chart_theme, PageView};
use super::sized::{watch_canvas, CanvasWatch};
use super::AppState;
use crate::core::help::HelpTopic;
use crate::core::lift::{worth_showing, Lift};
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
    let lift = lift_on_screen(state, watch);
    let note = move || lift.with(|l| l.as_ref().map(Lift::note).unwrap_or_default());
    Effect::new(move |_| {
        let Some(el) = watch.canvas() else {
            return;
        };
        let show_test = state.config.with(|c| c.show_test_data);
        let theme = chart_theme(state, page);
        let drawn = lift.with(|lift| match lift {
            Some(lift) => draw_lift(&el, lift, view.get(), show_test, theme),
            None => Ok(()),
        });
        if let Err(e) = drawn {
            state.say(format!("Could not draw the 3D lift: {e:?}"));
        }
    });
    view! {
        <Show when=shown>
            <div class="lift-panel">
                <h2>"3D lift: one more input as height" <HelpTip topic=HelpTopic::Lift /></h2>
                <div class="view-box">
                    <canvas
                        class="lift"
                        node_ref=canvas
                        data-testid="lift-canvas"
                        aria-label="The points lifted into three dimensions, with the output's plane"
                    ></canvas>
                </div>
                <div class="lift-controls">
                    <LiftSlider
                        testid="lift-yaw"
                        label="Turn"
                        range=YAW_RANGE
                        yaw=true
                        view
                        set_view
                    />
                    <LiftSlider
                        testid="lift-pitch"
                        label="Tilt"
                        range=PITCH_RANGE
                        yaw=false
                        view
                        set_view
                    />
                    <button
                        data-testid="lift-reset-view"
                        on:click=move |_| set_view.set(LiftView::default())
                    >
                        "Front view"
                    </button>
                </div>
                <p class="hint" data-testid="lift-note">
                    {note}
                </p>
            </div>
        </Show>
    }
}

/// The lifted view of the current snapshot, a memo: with hidden layers the lifted points have
/// no plane and do not move, so the view is redrawn when the points or the plane change, not
/// every frame. Off screen it is not computed (it keeps the last lift, which the canvas still
/// shows); `None` until it was first on screen.
fn lift_on_screen(state: AppState, watch: CanvasWatch) -> Memo<Option<Lift>> {
    Memo::new(move |last: Option<&Option<Lift>>| {
        if watch.visible.get() {
            Some(state.snapshot.with(|s| s.lift()))
        } else {
            last.cloned().flatten()
        }
    })
}

/// One of the sliders that turn the view.
#[component]
fn LiftSlider(
    /// The input's `data-testid`.
    testid: &'static str,
    /// The text beside it.
    label: &'static str,
    /// Its range in radians.
    range: (f64, f64),
    /// Whether it turns the view (yaw) rather than tilting it (pitch).
    yaw: bool,
    /// The view's angles.
    view: ReadSignal<LiftView>,
    /// Sets them.
    set_view: WriteSignal<LiftView>,
) -> impl IntoView {
    let (lo, hi) = range;
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
}

//! The main plot: the decision boundary and the points; a click or a tap adds a point with the
//! brush, a right-click or a long press removes the nearest.
use super::{AppState, Brush};
use crate::core::config::Model;
use crate::core::curve::CurveView;
use crate::core::dataset::{Point, Problem};
use crate::core::domain::Domain;
use crate::core::snapshot::PerceptronView;
use crate::core::trainer::LineView;
use crate::core::trainer::PointEdit;
use crate::render::canvas::{
    draw_curve, draw_overlay, draw_plot, CurveOverlay, Overlay, PointLayer,
};
use crate::render::frame::{Frame, BOUNDARY_RES};
use crate::render::geometry::Viewport;
use crate::render::heatmap::{perceptron_rgba, plain_rgba};
use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::MouseEvent;

mod touch;

/// The canvas: redrawn whenever a snapshot or a view setting changes.
#[component]
pub fn Plot() -> impl IntoView {
    let state = expect_context::<AppState>();
    let canvas = NodeRef::<Canvas>::new();
    let frame = StoredValue::new(Frame::default());
    // Perceptron mode animates each trick step: (updates seen, when its animation started).
    let anim = StoredValue::new((0u64, 0.0f64));
    let tick = RwSignal::new(0u32);
    Effect::new(move |_| {
        tick.track();
        let (show_test, discretize, boundary_line) = state
            .config
            .with(|c| (c.show_test_data, c.discretize, c.boundary_line));
        let Some(el) = canvas.get() else { return };
        state.snapshot.with(|snap| {
            // The perceptron trick and the line use every point, so none is drawn as a test
            // point; (x, y) points have no class or value, so they are drawn as class 0's.
            let test_mask: &[bool] = if snap.perceptron.is_some() || snap.line.is_some() {
                &[]
            } else {
                &snap.test_mask
            };
            let xy = snap.line.is_some() || snap.curve.is_some();
            let layer = PointLayer {
                points: &snap.points,
                test_mask,
                show_test,
                problem: if xy {
                    Problem::Classification
                } else {
                    snap.problem
                },
                domain: snap.domain,
            };
            // Line and curve mode shade nothing: a plain background under the points.
            let plain = || {
                frame
                    .try_update_value(|f| {
                        plain_rgba(BOUNDARY_RES, &mut f.boundary);
                        draw_plot(&el, &f.boundary, BOUNDARY_RES, &[], &layer)
                    })
                    .unwrap_or(Ok(()))
            };
            let result = match (&snap.perceptron, &snap.line, &snap.curve) {
                (_, _, Some(curve)) => {
                    plain().and_then(|_| draw_curve(&el, &curve_overlay(curve, snap.domain)))
                }
                (None, Some(line), _) => {
                    plain().and_then(|_| draw_overlay(&el, &line_overlay(line, snap.domain)))
                }
                (Some(view), _, _) => {
                    let (line, animating) = animated_line(view, anim);
                    if animating {
                        request_animation_frame(move || tick.update(|t| *t = t.wrapping_add(1)));
                    }
                    let overlay = Overlay {
                        line,
                        ghost: view.last.map(|s| s.before.map(|d| d.to_f64())),
                        highlight: view
                            .last
                            .and_then(|s| snap.points.get(s.index))
                            .map(|p| (p.x1, p.x2)),
                        domain: snap.domain,
                    };
                    frame
                        .try_update_value(|f| {
                            perceptron_rgba(line, snap.domain, BOUNDARY_RES, &mut f.boundary);
                            draw_plot(&el, &f.boundary, BOUNDARY_RES, &[], &layer)
                        })
                        .unwrap_or(Ok(()))
                        .and_then(|_| draw_overlay(&el, &overlay))
                }
                (None, None, None) => frame
                    .try_update_value(|f| {
                        f.compute_boundary(snap, discretize);
                        let line: &[_] = if boundary_line { &f.boundary_line } else { &[] };
                        draw_plot(&el, &f.boundary, BOUNDARY_RES, line, &layer)
                    })
                    .unwrap_or(Ok(())),
            };
            if let Err(e) = result {
                state.say(format!("Could not draw the plot: {e:?}"));
            }
        });
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| state.snapshot.update(|_| {}));
    on_cleanup(move || resize.remove());

    let data_at = move |client_x: f64, client_y: f64| -> Option<(f64, f64)> {
        let el = canvas.get()?;
        let rect = el.get_bounding_client_rect();
        let domain = state.snapshot.with_untracked(|s| s.domain);
        let vp = Viewport::new(rect.width(), rect.height()).with_domain(domain);
        Some(vp.to_data(client_x - rect.left(), client_y - rect.top()))
    };
    let press = touch::LongPress::new(move |x, y| {
        if let Some((x1, x2)) = data_at(x, y) {
            state.edit_points(PointEdit::RemoveNearest { x1, x2 });
        }
    });
    let on_click = move |ev: MouseEvent| {
        if press.took_click() {
            return; // a long press removed a point; its click adds none
        }
        let at = data_at(f64::from(ev.client_x()), f64::from(ev.client_y()));
        let Some((x1, x2)) = at else { return };
        state.edit_points(brush_edit(state, x1, x2));
    };
    let on_context = move |ev: MouseEvent| {
        ev.prevent_default();
        if press.is_touch() {
            return; // a long press on a touch screen is handled by `press`
        }
        if let Some((x1, x2)) = data_at(f64::from(ev.client_x()), f64::from(ev.client_y())) {
            state.edit_points(PointEdit::RemoveNearest { x1, x2 });
        }
    };
    let axis_names = move || state.config.with(|c| c.axis_names());
    let page = expect_context::<super::lecture::PageView>();
    view! {
        <div class="plot-frame" id=super::fullscreen::PLOT_FRAME_ID class:maximised=move || page.maximised.get()>
            <canvas
                class="plot"
                node_ref=canvas
                data-testid="data-canvas"
                role="img"
                aria-label=move || state.config.with(description)
                on:click=on_click
                on:contextmenu=on_context
                on:pointerdown=move |ev| press.down(&ev)
                on:pointermove=move |ev| press.moved(&ev)
                on:pointerup=move |_| press.cancel()
                on:pointercancel=move |_| press.cancel()
            ></canvas>
            <span class="axis-label x-label" data-testid="x-axis-name">{move || axis_names().0}</span>
            <span class="axis-label y-label">{move || axis_names().1}</span>
        </div>
    }
}

/// The plot's description for screen readers: where its axes run, in the data set's own
/// units, what its colours or lines show, and what a click does.
fn description(c: &crate::core::config::ExperimentConfig) -> String {
    let shows = match c.model {
        Model::Mlp => "coloured by the network's prediction",
        Model::Logistic => "coloured by the model's probability of each class",
        Model::Perceptron => "with the perceptron's line w·x + b = 0",
        Model::Line => "with the fitted line y = m·x + c",
        Model::Curve => "with the network's fitted curve y = f(x)",
    };
    format!(
        "Data plot: {}, {shows}. Click or tap to add a point with the brush; right-click or long-press to remove the nearest.",
        c.domain().describe(c.axis_names())
    )
}

/// Line mode's marks: the fitted line y = m·x + c (as m·x₁ − x₂ + c = 0), and the
/// least-squares line faintly behind it.
fn line_overlay(line: &LineView, domain: Domain) -> Overlay {
    Overlay {
        line: [line.m, -1.0, line.c],
        ghost: line.least_squares.map(|(m, c)| [m, -1.0, c]),
        highlight: None,
        domain,
    }
}

/// Curve mode's marks: the network's curve, and the best straight line faintly behind it.
fn curve_overlay(view: &CurveView, domain: Domain) -> CurveOverlay<'_> {
    CurveOverlay {
        samples: &view.samples,
        line: view.least_squares,
        domain,
    }
}

/// What a click at (x1, x2) does with the current brush.
fn brush_edit(state: AppState, x1: f64, x2: f64) -> PointEdit {
    match state.brush.get_untracked() {
        Brush::Eraser => PointEdit::RemoveNearest { x1, x2 },
        Brush::Class(k) => {
            let label = match state.config.with_untracked(|c| (c.model, c.problem)) {
                (m, _) if m.fits_xy() => 0.0, // an (x, y) point has no class
                (_, Problem::Classification) => k as f64,
                (_, Problem::Regression) if k == 0 => -1.0,
                (_, Problem::Regression) => 1.0,
            };
            PointEdit::Add(Point::new(x1, x2, label))
        }
    }
}

/// How long a perceptron step's line takes to glide from its ghost to its new place.
const STEP_ANIMATION_MS: f64 = 450.0;

/// The line to draw now: between the last step's "before" and the current weights while the
/// step's animation runs. Returns it and whether the animation is still running.
fn animated_line(view: &PerceptronView, anim: StoredValue<(u64, f64)>) -> ([f64; 3], bool) {
    let now = window().performance().map_or(0.0, |p| p.now());
    let (seen, mut start) = anim.get_value();
    if view.updates != seen {
        start = now;
        anim.set_value((view.updates, now));
    }
    let t = ((now - start) / STEP_ANIMATION_MS).clamp(0.0, 1.0);
    match view.last {
        Some(step) if t < 1.0 && view.updates > 0 => {
            let from = step.before.map(|d| d.to_f64());
            let eased = t * t * (3.0 - 2.0 * t);
            (
                std::array::from_fn(|k| from[k] + (view.weights[k] - from[k]) * eased),
                true,
            )
        }
        _ => (view.weights, false),
    }
}

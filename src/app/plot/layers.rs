//! The plot's three canvases and what redraws each:
//! - the heatmap, a `BOUNDARY_RES²` canvas stretched by CSS (the compositor scales it), and
//! - the marks (the decision boundary, or the perceptron's, Adaline's, the line's or the
//!   curve's marks),
//!   both following every snapshot, so they always show the network as it is now;
//! - the axes and the points, redrawn only when the points or how they are shown change.
//!
//! Sizes come from a `ResizeObserver` ([`watch_canvas`]), so no frame measures layout, and
//! nothing is drawn while the plot is off screen.
use super::super::sized::{watch_canvas, CssSize};
use super::super::AppState;
use super::marks::{animated_line, curve_overlay, line_overlay, perceptron_overlay};
use crate::core::dataset::{Point, Problem};
use crate::core::domain::Domain;
use crate::core::snapshot::{ModelView, PerceptronView, Snapshot};
use crate::render::canvas::{
    composite, draw_boundary, draw_curve, draw_overlay, draw_pair, draw_points_layer, new_canvas,
    put_rgba, size_backing, PairOverlay, PointLayer,
};
use crate::render::frame::{Frame, BOUNDARY_RES};
use crate::render::heatmap::{perceptron_rgba, plain_rgba};
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

/// The plot's canvases, bottom to top (the marks go over the points outside the MLP).
#[derive(Clone, Copy)]
pub struct PlotCanvases {
    pub heat: NodeRef<Canvas>,
    pub marks: NodeRef<Canvas>,
    /// The axes and points; it takes the clicks.
    pub points: NodeRef<Canvas>,
}

impl PlotCanvases {
    pub fn new() -> Self {
        PlotCanvases {
            heat: NodeRef::new(),
            marks: NodeRef::new(),
            points: NodeRef::new(),
        }
    }
}

/// What the points layer shows: redrawn only when this changes.
#[derive(Clone, Debug, PartialEq)]
struct PointsKey {
    points: Vec<Point>,
    /// Empty where every point trains (the perceptron, the line).
    test_mask: Vec<bool>,
    problem: Problem,
    domain: Domain,
}

impl PointsKey {
    fn of(snap: &Snapshot) -> Self {
        // The perceptron trick and the line use every point, so none is drawn as a test point;
        // (x, y) points have no class or value, so they are drawn as class 0's.
        let (all_train, xy) = match snap.model {
            ModelView::Mlp | ModelView::Logistic => (false, false),
            ModelView::Perceptron(_) | ModelView::Adaline(_) => (true, false),
            ModelView::Line(_) => (true, true),
            ModelView::Curve(_) => (false, true),
            // Digits mode has no points (the plot is not shown).
            ModelView::Digits(_) => (true, false),
        };
        PointsKey {
            points: snap.points.clone(),
            test_mask: if all_train {
                Vec::new()
            } else {
                snap.test_mask.clone()
            },
            problem: if xy {
                Problem::Classification
            } else {
                snap.problem
            },
            domain: snap.domain,
        }
    }
}

/// Starts the effects that draw the plot's layers.
pub fn draw(state: AppState, canvases: PlotCanvases) {
    let watch = watch_canvas(canvases.points);
    let frame = StoredValue::new(Frame::default());
    // Perceptron mode animates each trick step: (updates seen, when its animation started).
    let anim = StoredValue::new((0u64, 0.0f64));
    let tick = RwSignal::new(0u32);
    Effect::new(move |_| {
        tick.track();
        let view = state.config.with(MovingView::of);
        let (Some(_), Some(heat), Some(marks)) =
            (watch.canvas(), canvases.heat.get(), canvases.marks.get())
        else {
            return;
        };
        if let Some(css) = watch.size.get_untracked() {
            size_backing(&marks, css);
        }
        let result = state.snapshot.with(|snap| {
            frame
                .try_update_value(|f| {
                    draw_moving(snap, f, (&heat, &marks), view, Some((anim, tick)))
                })
                .unwrap_or(Ok(()))
        });
        report(state, result);
    });
    // New points are drawn at the next frame, before it is painted, and not in the task that
    // changed them: 5,000 imported points take the browser ~15 ms to stamp, which would
    // lengthen the import's own task (issue 19: no input waits 100 ms); one draw a frame. A
    // new size (or the canvas back on screen) is drawn at once, in the same turn as the
    // layers beside it: resizing the canvas clears it, and a frame must not show it empty.
    let points = Memo::new(move |_| state.snapshot.with(PointsKey::of));
    let scheduled = StoredValue::new(false);
    let drawn_at = StoredValue::new(None::<(CssSize, bool)>);
    let draw_now = move || {
        let Some(el) = untrack(|| watch.canvas()) else {
            return;
        };
        let show = state
            .config
            .with_untracked(|c| (c.show_test_data, c.lecture));
        report(state, points.with_untracked(|key| draw_key(&el, key, show)));
        drawn_at.set_value(Some((watch.size.get_untracked(), true)));
    };
    Effect::new(move |_| {
        state.config.with(|c| (c.show_test_data, c.lecture));
        points.track();
        canvases.points.track();
        let at = (watch.size.get(), watch.visible.get());
        if drawn_at.get_value() != Some(at) {
            return draw_now(); // a new size, or back on screen
        }
        if scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        request_animation_frame(move || {
            // The plot may have gone meanwhile (digits mode has none).
            if points.try_with_untracked(|_| ()).is_none() {
                return;
            }
            scheduled.set_value(false);
            draw_now();
        });
    });
}

/// Draws the axes and the points `key` says on `canvas`, with the test points if
/// `show_test`, larger in `lecture` mode.
fn draw_key(
    canvas: &HtmlCanvasElement,
    key: &PointsKey,
    (show_test, lecture): (bool, bool),
) -> Result<(), JsValue> {
    draw_points_layer(
        canvas,
        &PointLayer {
            points: &key.points,
            test_mask: &key.test_mask,
            show_test,
            problem: key.problem,
            domain: key.domain,
            lecture,
        },
    )
}

/// The plot as one picture of `width × height` pixels, drawn afresh from the current snapshot
/// (the canvases on the page are not redrawn while off screen, so they may be behind).
pub fn picture(state: AppState, width: u32, height: u32) -> Result<HtmlCanvasElement, JsValue> {
    let (heat, marks, points) = (
        new_canvas(BOUNDARY_RES as u32, BOUNDARY_RES as u32)?,
        new_canvas(width, height)?,
        new_canvas(width, height)?,
    );
    let (view, show) = state
        .config
        .with_untracked(|c| (MovingView::of(c), (c.show_test_data, c.lecture)));
    let marks_over = state.snapshot.with_untracked(|snap| {
        draw_moving(snap, &mut Frame::default(), (&heat, &marks), view, None)?;
        draw_key(&points, &PointsKey::of(snap), show)?;
        Ok::<_, JsValue>(marks_go_over(snap))
    })?;
    let layers = if marks_over {
        [heat, points, marks]
    } else {
        [heat, marks, points]
    };
    composite(&layers)
}

/// Whether the marks go over the points: outside the MLP and logistic regression, where they
/// are the model itself (a line, a curve).
fn marks_go_over(snap: &Snapshot) -> bool {
    !matches!(snap.model, ModelView::Mlp | ModelView::Logistic)
}

fn report(state: AppState, result: Result<(), JsValue>) {
    if let Err(e) = result {
        state.say(format!("Could not draw the plot: {e:?}"));
    }
}

/// The settings that change how the moving layers look.
#[derive(Clone, Copy, Debug, PartialEq)]
struct MovingView {
    discretize: bool,
    boundary_line: bool,
    /// Adaline mode: draw the perceptron's line too.
    compare: bool,
    lecture: bool,
}

impl MovingView {
    fn of(c: &crate::core::config::ExperimentConfig) -> Self {
        MovingView {
            discretize: c.discretize,
            boundary_line: c.boundary_line,
            compare: c.compare,
            lecture: c.lecture,
        }
    }
}

/// Perceptron mode's step animation: (updates seen, when its animation started), and the
/// signal that asks for the next animation frame.
type Animation = (StoredValue<(u64, f64)>, RwSignal<u32>);

/// Draws the heatmap and the marks for `snap`: what changes as the model trains.
fn draw_moving(
    snap: &Snapshot,
    f: &mut Frame,
    (heat, marks): (&HtmlCanvasElement, &HtmlCanvasElement),
    view: MovingView,
    animation: Option<Animation>,
) -> Result<(), JsValue> {
    let MovingView {
        discretize,
        boundary_line,
        ..
    } = view;
    match &snap.model {
        ModelView::Mlp | ModelView::Logistic => {
            f.compute_boundary(snap, discretize);
            put_rgba(heat, &f.boundary, BOUNDARY_RES)?;
            let paths = if boundary_line {
                &f.boundary_paths[..]
            } else {
                &[]
            };
            draw_boundary(marks, paths)
        }
        ModelView::Perceptron(p) => {
            // Without an animation (a picture), the line is where the weights are now.
            let line = animation.map_or(p.weights, |a| glide(p, a));
            perceptron_rgba(line, snap.domain, BOUNDARY_RES, &mut f.boundary);
            put_rgba(heat, &f.boundary, BOUNDARY_RES)?;
            draw_overlay(marks, &perceptron_overlay(p, line, snap))
        }
        ModelView::Adaline(a) => {
            perceptron_rgba(a.weights, snap.domain, BOUNDARY_RES, &mut f.boundary);
            put_rgba(heat, &f.boundary, BOUNDARY_RES)?;
            let pair = PairOverlay {
                adaline: a.weights,
                perceptron: view.compare.then_some(a.perceptron.weights),
                domain: snap.domain,
                lecture: view.lecture,
            };
            draw_pair(marks, &pair)
        }
        ModelView::Line(line) => {
            plain_heat(heat, f)?;
            draw_overlay(marks, &line_overlay(line, snap.domain))
        }
        ModelView::Curve(curve) => {
            plain_heat(heat, f)?;
            draw_curve(marks, &curve_overlay(curve, snap.domain))
        }
        // Digits mode draws its own views instead of the plot.
        ModelView::Digits(_) => plain_heat(heat, f),
    }
}

/// The perceptron's line on its glide to the current weights, asking for the next animation
/// frame while the glide runs.
fn glide(view: &PerceptronView, (anim, tick): Animation) -> [f64; 3] {
    let (line, animating) = animated_line(view, anim);
    if animating {
        request_animation_frame(move || tick.update(|t| *t = t.wrapping_add(1)));
    }
    line
}

/// A plain background on the heatmap layer (the line and the curve colour no regions).
fn plain_heat(heat: &HtmlCanvasElement, f: &mut Frame) -> Result<(), JsValue> {
    plain_rgba(BOUNDARY_RES, &mut f.boundary);
    put_rgba(heat, &f.boundary, BOUNDARY_RES)
}

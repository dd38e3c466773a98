//! The main plot: the decision boundary and the points; a click or a tap adds a point with the
//! brush, a right-click or a long press removes the nearest; hovering, or a click or a tap with
//! the Read brush, shows the model's output there (`reading`).
use super::{AppState, Brush};
use crate::core::config::Model;
use crate::core::dataset::{Point, Problem};
use crate::core::domain::Domain;
use crate::core::trainer::PointEdit;
use crate::render::geometry::Viewport;
use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::MouseEvent;

mod layers;
mod legend;
mod marks;
mod reading;
pub use layers::picture;

/// [`picture`] with the axis names written on it, as the page shows them.
pub fn named_picture(
    state: AppState,
    width: u32,
    height: u32,
) -> Result<web_sys::HtmlCanvasElement, wasm_bindgen::JsValue> {
    let plot = picture(state, width, height)?;
    let (names, lecture) = state.config.with_untracked(|c| (c.axis_names(), c.lecture));
    let ratio = crate::render::canvas::pixel_ratio();
    let sizes = crate::render::plot_style::PlotSizes::new(f64::from(width) / ratio, lecture);
    crate::render::canvas::draw_axis_names(&plot, names, sizes.tick_font * ratio)?;
    Ok(plot)
}

/// [`named_picture`] with a caption under it (the data set, the model, the epoch, the losses
/// and the accuracy), and the caption's lines.
pub fn captioned_picture(
    state: AppState,
    width: u32,
    height: u32,
) -> Result<(web_sys::HtmlCanvasElement, [String; 2]), wasm_bindgen::JsValue> {
    let plot = named_picture(state, width, height)?;
    let caption = caption_lines(state);
    Ok((
        crate::render::canvas::with_caption(&plot, &caption)?,
        caption,
    ))
}

/// The plot's caption now: the data set and the model; the epoch, the losses and the accuracy.
pub fn caption_lines(state: AppState) -> [String; 2] {
    state.snapshot.with_untracked(|snap| {
        state
            .config
            .with_untracked(|c| crate::core::caption::plot_caption(c, snap))
    })
}
mod touch;

/// The plot: three stacked canvases (see [`layers`]), the top one taking clicks and taps.
#[component]
pub fn Plot() -> impl IntoView {
    let state = expect_context::<AppState>();
    let canvases = layers::PlotCanvases::new();
    let canvas = canvases.points;
    layers::draw(state, canvases);
    let pointer = Pointer::new(state, canvas);
    let press = pointer.press;
    let reading = pointer.reading;
    let axis_names = move || state.config.with(|c| c.axis_names());
    let view = Memo::new(move |_| state.snapshot.with(|s| s.domain));
    let page = expect_context::<super::lecture::PageView>();
    let marks_over = move || {
        state
            .config
            .with(|c| c.model != Model::Mlp && c.model != Model::Logistic)
    };
    view! {
        <div
            class="plot-frame"
            id=super::fullscreen::PLOT_FRAME_ID
            class:maximised=move || page.maximised.get()
        >
            <div class="plot-layers" class:marks-over=marks_over>
                <canvas
                    class="plot-heat"
                    node_ref=canvases.heat
                    data-testid="plot-heat"
                    data-z="0"
                    aria-hidden="true"
                ></canvas>
                <canvas
                    class="plot-marks"
                    node_ref=canvases.marks
                    data-testid="plot-marks"
                    data-z=move || if marks_over() { "3" } else { "1" }
                    aria-hidden="true"
                ></canvas>
                <canvas
                    class="plot"
                    node_ref=canvas
                    data-testid="data-canvas"
                    data-z="2"
                    role="img"
                    aria-label=move || {
                        state.config.with(|c| description(c, view.get(), page.pointer))
                    }
                    on:click=move |ev| pointer.click(&ev)
                    on:contextmenu=move |ev| pointer.context_menu(&ev)
                    on:pointerdown=move |ev| press.down(&ev)
                    on:pointermove=move |ev| {
                        press.moved(&ev);
                        reading.hover(state, canvas, &ev);
                    }
                    on:pointerleave=move |ev| reading.leave(state, &ev)
                    on:pointerup=move |_| press.cancel()
                    on:pointercancel=move |_| press.cancel()
                ></canvas>
                <reading::ReadingBox reading=reading />
                <span class="axis-label x-label" data-testid="x-axis-name">
                    {move || axis_names().0}
                </span>
                <span class="axis-label y-label" data-testid="y-axis-name">
                    {move || axis_names().1}
                </span>
            </div>
        </div>
        <legend::PlotLegend />
    }
}

/// What the mouse and touch do on the points canvas: a click or a tap adds a point with the
/// brush, a right-click or a long press removes the nearest; hovering (or a click or a tap with
/// the Read brush) shows the model's output there.
#[derive(Clone, Copy)]
struct Pointer {
    state: AppState,
    canvas: NodeRef<Canvas>,
    press: touch::LongPress,
    reading: reading::PlotReading,
}

impl Pointer {
    fn new(state: AppState, canvas: NodeRef<Canvas>) -> Self {
        let press = touch::LongPress::new(move |x, y| {
            if let Some((x1, x2)) = data_at(canvas, state, x, y) {
                state.edit_points(PointEdit::RemoveNearest { x1, x2 });
            }
        });
        Pointer {
            state,
            canvas,
            press,
            reading: reading::PlotReading::new(state),
        }
    }

    /// A click adds a point with the brush (not the click that ends a long press).
    fn click(self, ev: &MouseEvent) {
        if self.press.took_click() {
            return; // a long press removed a point; its click adds none
        }
        if self.state.brush.get_untracked() == Brush::Probe {
            let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
            self.reading.read_at(self.state, self.canvas, x, y);
            return; // the Read brush adds nothing
        }
        let at = data_at(self.canvas, self.state, ev.client_x(), ev.client_y());
        let Some((x1, x2)) = at else { return };
        if let Some(edit) = brush_edit(self.state, x1, x2) {
            self.state.edit_points(edit);
        }
    }

    /// A right-click removes the nearest point (on a touch screen, `press` does).
    fn context_menu(self, ev: &MouseEvent) {
        ev.prevent_default();
        if self.press.is_touch() {
            return; // a long press on a touch screen is handled by `press`
        }
        if let Some((x1, x2)) = data_at(self.canvas, self.state, ev.client_x(), ev.client_y()) {
            self.state.edit_points(PointEdit::RemoveNearest { x1, x2 });
        }
    }
}

/// The data coordinates under the client position (x, y), measured at a click, not during a
/// frame; `None` before the canvas is mounted.
fn data_at(
    canvas: NodeRef<Canvas>,
    state: AppState,
    client_x: impl Into<f64>,
    client_y: impl Into<f64>,
) -> Option<(f64, f64)> {
    let el = canvas.get()?;
    let rect = el.get_bounding_client_rect();
    let domain = state.snapshot.with_untracked(|s| s.domain);
    let vp = Viewport::new(rect.width(), rect.height()).with_domain(domain);
    Some(vp.to_data(client_x.into() - rect.left(), client_y.into() - rect.top()))
}

/// The plot's description for screen readers: where its axes run, in the data set's own
/// units, what its colours or lines show, and what a click or a tap (`pointer`) does.
fn description(
    c: &crate::core::config::ExperimentConfig,
    domain: Domain,
    pointer: crate::core::pointer::Pointer,
) -> String {
    let shows = match c.model {
        Model::Mlp => "coloured by the network's prediction",
        Model::Logistic => "coloured by the model's probability of each class",
        Model::Perceptron => "with the perceptron's line w·x + b = 0",
        Model::Adaline if c.compare => {
            "with Adaline's line w·x + b = 0 and the perceptron's, dashed"
        }
        Model::Adaline => "with Adaline's line w·x + b = 0",
        Model::Line => "with the fitted line y = m·x + c",
        Model::Curve => "with the network's fitted curve y = f(x)",
        Model::Digits => "(digits mode shows images instead)",
    };
    // The data's own range, not the margin around it (the admissions: 0 to 10).
    let data = c.domain();
    let range = if domain == data.with_margin() {
        data
    } else {
        domain
    };
    format!(
        "Data plot: {}, {shows}. {}",
        range.describe(c.axis_names()),
        pointer.plot_hint()
    )
}

/// What a click at (x1, x2) does with the current brush (the Read brush edits nothing).
fn brush_edit(state: AppState, x1: f64, x2: f64) -> Option<PointEdit> {
    Some(match state.brush.get_untracked() {
        Brush::Probe => return None,
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
    })
}

//! The model's output under the pointer (`core::plot_probe`): a mouse shows it by hovering; a
//! click or a tap with the Read brush pins it (the way a phone gets it: a tap with another
//! brush adds a point, a long press removes one). Over a data point it is the point's: its
//! one-hot target and its loss term.
//!
//! One `<pre>` over the plot's corner, created once: a move changes a signal, and the text
//! changes only when the reading's lines do.
use crate::app::{AppState, Brush};
use crate::core::plot_probe;
use crate::render::geometry::Viewport;
use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::PointerEvent;

/// How far from a data point (CSS pixels) the pointer still reads that point.
const REACH_PX: f64 = 10.0;

/// Where a reading is taken, in data units, with the pointer's reach.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Place {
    x1: f64,
    x2: f64,
    reach: (f64, f64),
    /// Where the box goes: the corner away from the pointer (the bottom when the pointer is in
    /// the plot's top half, the left when it is in the right half), so it never covers it.
    corner: Corner,
}

/// The plot's corner that holds the box.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Corner {
    bottom: bool,
    left: bool,
}

/// The reading's place, shared by the plot's events and the box.
#[derive(Clone, Copy)]
pub struct PlotReading {
    at: RwSignal<Option<Place>>,
}

impl PlotReading {
    /// No reading yet; a brush other than Read clears a pinned one.
    pub fn new(state: AppState) -> Self {
        let reading = PlotReading {
            at: RwSignal::new(None),
        };
        Effect::new(move |_| {
            if state.brush.get() != Brush::Probe {
                reading.clear();
            }
        });
        reading
    }

    /// A mouse moved over the plot: read there.
    pub fn hover(self, state: AppState, canvas: NodeRef<Canvas>, ev: &PointerEvent) {
        if ev.pointer_type() == "mouse" {
            self.read_at(state, canvas, ev.client_x().into(), ev.client_y().into());
        }
    }

    /// The mouse left the plot: the reading goes, unless the Read brush pinned it.
    pub fn leave(self, state: AppState, ev: &PointerEvent) {
        if ev.pointer_type() == "mouse" && state.brush.get_untracked() != Brush::Probe {
            self.clear();
        }
    }

    /// Reads at the client position (x, y) (a click or a tap with the Read brush).
    pub fn read_at(self, state: AppState, canvas: NodeRef<Canvas>, x: f64, y: f64) {
        let Some(el) = canvas.get_untracked() else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let domain = state.snapshot.with_untracked(|s| s.domain);
        let vp = Viewport::new(rect.width(), rect.height()).with_domain(domain);
        let (px, py) = (x - rect.left(), y - rect.top());
        let (x1, x2) = vp.to_data(px, py);
        let (e1, e2) = vp.to_data(px + REACH_PX, py + REACH_PX);
        let place = Place {
            x1,
            x2,
            reach: ((e1 - x1).abs(), (e2 - x2).abs()),
            corner: Corner {
                bottom: py < rect.height() / 2.0,
                left: px > rect.width() / 2.0,
            },
        };
        if self.at.get_untracked() != Some(place) {
            self.at.set(Some(place));
        }
    }

    /// No reading.
    pub fn clear(self) {
        if self.at.with_untracked(Option::is_some) {
            self.at.set(None);
        }
    }
}

/// The box with the reading, in the plot's corner away from the pointer (top right when the
/// pointer is in the bottom-left quarter); hidden without a reading.
#[component]
pub fn ReadingBox(
    /// The reading's place.
    reading: PlotReading,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let read = Memo::new(move |_| {
        let place = reading.at.get()?;
        state
            .snapshot
            .with(|s| plot_probe::read(s, place.x1, place.x2, place.reach))
    });
    let text = Memo::new(move |_| read.with(|r| r.as_ref().map(|r| r.lines().join("\n"))));
    // For the tests: the place and the probabilities at full precision.
    let data = Memo::new(move |_| {
        read.with(|r| {
            r.as_ref().map(|r| {
                let list = |v: &[f64]| v.iter().map(f64::to_string).collect::<Vec<_>>().join(",");
                (list(&[r.x1, r.x2]), list(&r.probabilities()), list(&r.outs))
            })
        })
    });
    let corner = Memo::new(move |_| reading.at.with(|p| p.map(|p| p.corner).unwrap_or_default()));
    view! {
        <pre
            class="plot-reading"
            class:at-bottom=move || corner.get().bottom
            class:at-left=move || corner.get().left
            data-testid="plot-reading"
            aria-live="polite"
            hidden=move || text.with(Option::is_none)
            data-at=move || data.with(|d| d.as_ref().map(|d| d.0.clone()))
            data-probabilities=move || data.with(|d| d.as_ref().map(|d| d.1.clone()))
            data-outputs=move || data.with(|d| d.as_ref().map(|d| d.2.clone()))
        >
            {move || text.get().unwrap_or_default()}
        </pre>
    }
}
